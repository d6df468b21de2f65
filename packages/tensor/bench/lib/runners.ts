/** Builds `Runner`s for @nn and TF.js from an op closure, so workloads only describe the op. */
import type { Tensor as TFTensor } from '@tensorflow/tfjs-core';
import type { HostTensor, NNFn, NNModule, NNTensor, Runner, TF } from './types.js';

/** Thrown when the @nn module lacks an export a workload needs; the row says so instead of a number. */
export class MissingOpError extends Error {}

/** Looks up an @nn op by name. @throws MissingOpError when it is not exported (yet). */
export function nnOp(nn: NNModule, name: string): NNFn {
  const fn = nn[name];
  if (typeof fn !== 'function') throw new MissingOpError(`@nn/tensor does not export \`${name}\``);
  return fn as NNFn;
}

/**
 * An @nn runner: uploads `inputs` once; each run calls `op` (inside `tidy` when available, so
 * composite ops free their intermediates), reads the result with `dataSync()` and disposes it.
 */
export function nnRunner(nn: NNModule, inputs: HostTensor[], op: (xs: NNTensor[]) => NNTensor): Runner {
  const tidy =
    typeof nn['tidy'] === 'function' ? (nn['tidy'] as (fn: () => NNTensor) => NNTensor) : (fn: () => NNTensor) => fn();
  const xs = inputs.map((h) => nn.tensor(h.values, { shape: h.shape }));
  return {
    run() {
      const y = tidy(() => op(xs));
      y.dataSync();
      y.dispose();
    },
    result() {
      const y = tidy(() => op(xs));
      const values = Float32Array.from(y.dataSync());
      y.dispose();
      return values;
    },
    dispose() {
      for (const x of xs) x.dispose();
    },
  };
}

/**
 * A TF.js runner on the active TF.js backend: uploads `inputs` (already in TF.js layout) once; each
 * run calls `op` in `tf.tidy`, reads the result with `dataSync()` and disposes it. `toNN` maps the
 * result values back to the @nn layout for the cross-check.
 */
export function tfRunner(
  tf: TF,
  inputs: HostTensor[],
  op: (xs: TFTensor[]) => TFTensor,
  toNN: (values: Float32Array) => Float32Array = (v) => v,
): Runner {
  const xs = inputs.map((h) => tf.tensor(h.values, [...h.shape], 'float32'));
  return {
    run() {
      const y = tf.tidy(() => op(xs));
      y.dataSync();
      y.dispose();
    },
    result() {
      const y = tf.tidy(() => op(xs));
      const values = toNN(Float32Array.from(y.dataSync()));
      y.dispose();
      return values;
    },
    dispose() {
      for (const x of xs) x.dispose();
    },
  };
}
