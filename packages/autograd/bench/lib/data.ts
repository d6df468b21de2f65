/** Deterministic host data for the MLP benchmark: the same weights and batches for every engine. */
import { mulberry32, uniformFrom, type HostTensor } from '../../../../scripts/bench-kit/seeded-data.js';

export type { HostTensor };

/** A mini-batch: inputs `[B, 784]` in [0, 1) and one-hot targets `[B, 10]`. */
export interface Batch {
  readonly x: HostTensor;
  readonly oneHot: HostTensor;
}

/** The MLP's parameters, in order: w1 [784,128], b1 [128], w2 [128,64], b2 [64], w3 [64,10], b3 [10]. */
export type Params = readonly HostTensor[];

/** Layer sizes of the benchmark MLP. */
export const LAYERS = [784, 128, 64, 10] as const;
/** Names of the parameters, aligned with `Params`. */
export const PARAM_NAMES = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'] as const;

/** He-uniform weights and zero biases (PyTorch-like initial scale), seeded. */
export function initialParams(seed = 1): Params {
  const next = mulberry32(seed);
  const out: HostTensor[] = [];
  for (let l = 0; l + 1 < LAYERS.length; l++) {
    const fanIn = LAYERS[l]!;
    const fanOut = LAYERS[l + 1]!;
    const bound = Math.sqrt(6 / fanIn);
    out.push(uniformFrom([fanIn, fanOut], next, -bound, bound));
    out.push({ shape: [fanOut], values: new Float32Array(fanOut) });
  }
  return out;
}

/** `count` batches of `size` random images with random labels, seeded. */
export function batches(size: number, count: number, seed = 2): Batch[] {
  const next = mulberry32(seed + size);
  const out: Batch[] = [];
  for (let b = 0; b < count; b++) {
    const x = uniformFrom([size, LAYERS[0]], next, 0, 1);
    const oneHot = new Float32Array(size * 10);
    for (let i = 0; i < size; i++) oneHot[i * 10 + Math.floor(next() * 10)] = 1;
    out.push({ x, oneHot: { shape: [size, 10], values: oneHot } });
  }
  return out;
}
