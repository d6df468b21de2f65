/**
 * Loads the three engines. Each load is guarded: a module that fails to import (for example an
 * @nn op group still being written) marks that engine unavailable instead of crashing the run.
 */
import { createRequire } from 'node:module';
import {
  errorText,
  loadTF as loadTFWith,
  type Availability,
  type TFEngines as SharedTFEngines,
} from '../../../../scripts/bench-kit/tfjs-engines.js';
import type { NNModule, TF } from './types.js';

export type { Availability };

export interface NNEngine {
  availability: Availability;
  module: NNModule | null;
}

export type TFEngines = SharedTFEngines<TF>;

/** Imports `@nn/tensor` (resolved to its sources through the `@nn/source` condition). */
export async function loadNN(): Promise<NNEngine> {
  try {
    const module = (await import('@nn/tensor')) as unknown as NNModule;
    if (typeof module.tensor !== 'function') throw new Error('@nn/tensor does not export `tensor`');
    return { availability: { ok: true }, module };
  } catch (e) {
    return { availability: { ok: false, reason: `@nn/tensor failed to load: ${errorText(e)}` }, module: null };
  }
}

/** Imports TF.js core with its cpu and wasm backends; the wasm binaries come from node_modules (offline). */
export function loadTF(): Promise<TFEngines> {
  return loadTFWith<TF>({
    core: () => import('@tensorflow/tfjs-core'),
    cpu: () => import('@tensorflow/tfjs-backend-cpu'),
    wasm: () => import('@tensorflow/tfjs-backend-wasm'),
    resolve: (id) => createRequire(import.meta.url).resolve(id),
  });
}
