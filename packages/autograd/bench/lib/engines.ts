/**
 * Loads TF.js core with its cpu and wasm backends, like @nn/tensor's benchmark does: production
 * mode, and the wasm binaries read from node_modules with fs (offline, no fetch). A backend that
 * fails to load is reported unavailable instead of stopping the run.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as tfc from '@tensorflow/tfjs-core';

export type TF = typeof tfc;

export type Availability = { ok: true } | { ok: false; reason: string };

export interface TFEngines {
  tf: TF | null;
  version: string | null;
  cpu: Availability;
  wasm: Availability;
  /** Whether the wasm backend loaded its SIMD binary (null when wasm is unavailable). */
  wasmSimd: boolean | null;
  /** Threads the wasm backend runs on (TF.js disables wasm multithreading in Node). */
  wasmThreads: number | null;
}

export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 200);
}

/**
 * tfjs-core's Node bundle has no gradient functions (the `@tensorflow/tfjs` bundle adds them). Its
 * ESM sources in dist/gradients/ hold one `<Kernel>_grad.js` per kernel: import each and register
 * it with the loaded core (TF.js keeps the gradient registry and the engine in globals, so the two
 * copies share them). Returns how many were registered; the ones that fail to import (none this
 * benchmark uses) are skipped.
 */
async function registerGradients(tf: TF): Promise<number> {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-core')), 'gradients');
  let count = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('_grad.js'))) {
    try {
      const module = (await import(path.join(dir, file))) as Record<string, Parameters<TF['registerGradient']>[0]>;
      for (const config of Object.values(module)) {
        tf.registerGradient(config);
        count++;
      }
    } catch {
      // e.g. Prod_grad.js, whose imports Node cannot resolve; not used here
    }
  }
  if (count < 50) throw new Error(`registered only ${count} TF.js gradient functions`);
  return count;
}

export async function loadTF(): Promise<TFEngines> {
  const out: TFEngines = {
    tf: null,
    version: null,
    cpu: { ok: false, reason: 'TF.js not loaded' },
    wasm: { ok: false, reason: 'TF.js not loaded' },
    wasmSimd: null,
    wasmThreads: null,
  };
  let tf: TF;
  try {
    tf = await import('@tensorflow/tfjs-core');
    await registerGradients(tf);
    tf.env().set('PROD', true); // no debug checks, no "install tfjs-node" banner
    out.tf = tf;
    out.version = tf.version_core;
  } catch (e) {
    const reason = `@tensorflow/tfjs-core failed to load: ${errorText(e)}`;
    return { ...out, cpu: { ok: false, reason }, wasm: { ok: false, reason } };
  }
  try {
    await import('@tensorflow/tfjs-backend-cpu');
    if (!(await tf.setBackend('cpu'))) throw new Error("tf.setBackend('cpu') returned false");
    out.cpu = { ok: true };
  } catch (e) {
    out.cpu = { ok: false, reason: `tfjs-backend-cpu: ${errorText(e)}` };
  }
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    // The package main lives in dist/ next to the .wasm files; a directory path makes Emscripten
    // read them with fs.
    wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep);
    if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') returned false");
    out.wasmSimd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
    out.wasmThreads = wasm.getThreadsCount();
    out.wasm = { ok: true };
  } catch (e) {
    out.wasm = { ok: false, reason: `tfjs-backend-wasm: ${errorText(e)}` };
  }
  return out;
}
