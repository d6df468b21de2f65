/**
 * TF.js for the trainer benchmark: core with its gradient functions registered, the cpu and wasm
 * backends (production mode, wasm binaries read offline from node_modules, single-threaded), via
 * the loader @nn/autograd's benchmark already uses (scripts/bench-kit/tfjs-engines.ts underneath);
 * then tfjs-layers on top of that same core. Anything that fails to load is reported unavailable.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { errorText, loadTF, type TF, type TFEngines } from '../../../../packages/autograd/bench/lib/engines.js';

export { errorText, type TF };

export type TFLayers = typeof tfl;

export interface Engines extends TFEngines {
  /** tfjs-layers, sharing `tf`'s engine and backends; null when it (or core) failed to load. */
  layers: TFLayers | null;
  /** Why `layers` is null. */
  layersReason: string | null;
}

/** Loads TF.js core (+ gradients), its cpu and wasm backends, and tfjs-layers. */
export async function loadEngines(): Promise<Engines> {
  const tfe = await loadTF();
  if (tfe.tf === null) return { ...tfe, layers: null, layersReason: 'TF.js core not loaded' };
  try {
    const layers = await import('@tensorflow/tfjs-layers');
    return { ...tfe, layers, layersReason: null };
  } catch (e) {
    return { ...tfe, layers: null, layersReason: `@tensorflow/tfjs-layers: ${errorText(e)}` };
  }
}

/** Makes `backend` TF.js's active backend (they are global state); throws if it cannot. */
export async function useBackend(tf: TF, backend: 'cpu' | 'wasm'): Promise<void> {
  if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) {
    throw new Error(`tf.setBackend('${backend}') failed`);
  }
}
