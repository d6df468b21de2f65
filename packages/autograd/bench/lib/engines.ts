/**
 * Loads TF.js core with its cpu and wasm backends through the loader shared with @nn/tensor's
 * benchmark (scripts/bench-kit/tfjs-engines.ts: production mode, wasm binaries read from
 * node_modules with fs), after registering TF.js's gradient functions. A backend that fails to load
 * is reported unavailable instead of stopping the run.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as tfc from '@tensorflow/tfjs-core';
import { loadTF as loadTFWith, type TFEngines as SharedTFEngines } from '../../../../scripts/bench-kit/tfjs-engines.js';

export { errorText, type Availability } from '../../../../scripts/bench-kit/tfjs-engines.js';

export type TF = typeof tfc;

export type TFEngines = SharedTFEngines<TF>;

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

/** Imports TF.js core (with its gradients registered) and its cpu and wasm backends. */
export function loadTF(): Promise<TFEngines> {
  return loadTFWith<TF>({
    core: () => import('@tensorflow/tfjs-core'),
    cpu: () => import('@tensorflow/tfjs-backend-cpu'),
    wasm: () => import('@tensorflow/tfjs-backend-wasm'),
    resolve: (id) => createRequire(import.meta.url).resolve(id),
    prepare: registerGradients,
  });
}
