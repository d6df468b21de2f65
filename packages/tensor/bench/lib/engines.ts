/**
 * Loads the three engines. Each load is guarded: a module that fails to import (for example an
 * @nn op group still being written) marks that engine unavailable instead of crashing the run.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NNModule, TF } from './types.js';

export type Availability = { ok: true } | { ok: false; reason: string };

export interface NNEngine {
  availability: Availability;
  module: NNModule | null;
}

export interface TFEngines {
  tf: TF | null;
  version: string | null;
  cpu: Availability;
  wasm: Availability;
  /** Whether the wasm backend loaded its SIMD binary (null when wasm is unavailable). */
  wasmSimd: boolean | null;
  /** Threads the wasm backend runs on (TF.js disables wasm multithreading in Node). */
  wasmThreads: number | null;
  /** Directory the .wasm binaries were loaded from. */
  wasmDir: string | null;
}

function message(e: unknown): string {
  const text =
    e instanceof Error
      ? e.message
      : typeof e === 'object' && e !== null && 'message' in e
        ? String(e.message)
        : String(e);
  return text.split('\n')[0]!.slice(0, 200);
}

/** Imports `@nn/tensor` (resolved to its sources through the `@nn/source` condition). */
export async function loadNN(): Promise<NNEngine> {
  try {
    const module = (await import('@nn/tensor')) as unknown as NNModule;
    if (typeof module.tensor !== 'function') throw new Error('@nn/tensor does not export `tensor`');
    return { availability: { ok: true }, module };
  } catch (e) {
    return { availability: { ok: false, reason: `@nn/tensor failed to load: ${message(e)}` }, module: null };
  }
}

/** Imports TF.js core with its cpu and wasm backends; the wasm binaries come from node_modules (offline). */
export async function loadTF(): Promise<TFEngines> {
  const out: TFEngines = {
    tf: null,
    version: null,
    cpu: { ok: false, reason: 'TF.js not loaded' },
    wasm: { ok: false, reason: 'TF.js not loaded' },
    wasmSimd: null,
    wasmThreads: null,
    wasmDir: null,
  };
  let tf: TF;
  try {
    tf = await import('@tensorflow/tfjs-core');
    // Production mode: no debug checks, and no "install tfjs-node" banner in the output.
    tf.env().set('PROD', true);
    out.tf = tf;
    out.version = tf.version_core;
  } catch (e) {
    const reason = `@tensorflow/tfjs-core failed to load: ${message(e)}`;
    return { ...out, cpu: { ok: false, reason }, wasm: { ok: false, reason } };
  }
  try {
    await import('@tensorflow/tfjs-backend-cpu');
    if (!(await tf.setBackend('cpu'))) throw new Error("tf.setBackend('cpu') returned false");
    out.cpu = { ok: true };
  } catch (e) {
    out.cpu = { ok: false, reason: `tfjs-backend-cpu: ${message(e)}` };
  }
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    // The package main lives in dist/, next to the .wasm binaries; a plain directory path makes
    // Emscripten read them with fs (no fetch, works offline).
    out.wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
    wasm.setWasmPaths(out.wasmDir);
    if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') returned false");
    // The backend picks tfjs-backend-wasm-simd.wasm exactly when this flag is true.
    out.wasmSimd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
    out.wasmThreads = wasm.getThreadsCount();
    out.wasm = { ok: true };
  } catch (e) {
    out.wasm = { ok: false, reason: `tfjs-backend-wasm: ${message(e)}` };
  }
  return out;
}
