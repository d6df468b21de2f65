/**
 * Loads TF.js core with its cpu and wasm backends for the benchmark harnesses: production mode (no
 * debug checks, no "install tfjs-node" banner), and the wasm binaries read from node_modules with
 * fs (offline, no fetch). A backend that fails to load is reported unavailable instead of stopping
 * the run. TF.js is a dev dependency of each benchmarked package, not of the repository root, so
 * the caller hands in its own imports and `require.resolve`.
 */
import path from 'node:path';

export type Availability = { ok: true } | { ok: false; reason: string };

/** The part of `@tensorflow/tfjs-core` this loader uses. */
export interface TFCore {
  readonly version_core: string;
  env(): { set(flag: string, value: boolean): void; getAsync(flag: string): Promise<unknown> };
  setBackend(name: string): Promise<boolean>;
}

/** The part of `@tensorflow/tfjs-backend-wasm` this loader uses. */
export interface TFWasm {
  setWasmPaths(prefix: string): void;
  getThreadsCount(): number;
}

/** How to reach TF.js from the calling package. */
export interface TFLoaders<T extends TFCore> {
  core: () => Promise<T>;
  cpu: () => Promise<unknown>;
  wasm: () => Promise<TFWasm>;
  /** `require.resolve` of the calling package (e.g. `createRequire(import.meta.url).resolve`). */
  resolve: (id: string) => string;
  /** Runs once core is loaded, before production mode is set; a throw marks TF.js unavailable. */
  prepare?: (tf: T) => Promise<unknown>;
}

export interface TFEngines<T> {
  tf: T | null;
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

/** The first line (at most 200 characters) of an error's message, for a table note. */
export function errorText(e: unknown): string {
  const text =
    e instanceof Error
      ? e.message
      : typeof e === 'object' && e !== null && 'message' in e
        ? String(e.message)
        : String(e);
  return text.split('\n')[0]!.slice(0, 200);
}

/** Imports TF.js core, then its cpu and wasm backends, each guarded. */
export async function loadTF<T extends TFCore>(loaders: TFLoaders<T>): Promise<TFEngines<T>> {
  const out: TFEngines<T> = {
    tf: null,
    version: null,
    cpu: { ok: false, reason: 'TF.js not loaded' },
    wasm: { ok: false, reason: 'TF.js not loaded' },
    wasmSimd: null,
    wasmThreads: null,
    wasmDir: null,
  };
  let tf: T;
  try {
    tf = await loaders.core();
    await loaders.prepare?.(tf);
    tf.env().set('PROD', true);
    out.tf = tf;
    out.version = tf.version_core;
  } catch (e) {
    const reason = `@tensorflow/tfjs-core failed to load: ${errorText(e)}`;
    return { ...out, cpu: { ok: false, reason }, wasm: { ok: false, reason } };
  }
  try {
    await loaders.cpu();
    if (!(await tf.setBackend('cpu'))) throw new Error("tf.setBackend('cpu') returned false");
    out.cpu = { ok: true };
  } catch (e) {
    out.cpu = { ok: false, reason: `tfjs-backend-cpu: ${errorText(e)}` };
  }
  try {
    const wasm = await loaders.wasm();
    // The package main lives in dist/, next to the .wasm binaries; a plain directory path makes
    // Emscripten read them with fs (no fetch, works offline).
    out.wasmDir = path.dirname(loaders.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
    wasm.setWasmPaths(out.wasmDir);
    if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') returned false");
    // The backend picks tfjs-backend-wasm-simd.wasm exactly when this flag is true.
    out.wasmSimd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
    out.wasmThreads = wasm.getThreadsCount();
    out.wasm = { ok: true };
  } catch (e) {
    out.wasm = { ok: false, reason: `tfjs-backend-wasm: ${errorText(e)}` };
  }
  return out;
}
