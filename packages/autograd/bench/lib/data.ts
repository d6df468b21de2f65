/** Deterministic host data for the MLP benchmark: the same weights and batches for every engine. */

/** A dense float32 array with its shape, in row-major order. */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

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

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uniform(shape: readonly number[], next: () => number, lo: number, hi: number): HostTensor {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = lo + (hi - lo) * next();
  return { shape, values };
}

/** He-uniform weights and zero biases (PyTorch-like initial scale), seeded. */
export function initialParams(seed = 1): Params {
  const next = mulberry32(seed);
  const out: HostTensor[] = [];
  for (let l = 0; l + 1 < LAYERS.length; l++) {
    const fanIn = LAYERS[l]!;
    const fanOut = LAYERS[l + 1]!;
    const bound = Math.sqrt(6 / fanIn);
    out.push(uniform([fanIn, fanOut], next, -bound, bound));
    out.push({ shape: [fanOut], values: new Float32Array(fanOut) });
  }
  return out;
}

/** `count` batches of `size` random images with random labels, seeded. */
export function batches(size: number, count: number, seed = 2): Batch[] {
  const next = mulberry32(seed + size);
  const out: Batch[] = [];
  for (let b = 0; b < count; b++) {
    const x = uniform([size, LAYERS[0]], next, 0, 1);
    const oneHot = new Float32Array(size * 10);
    for (let i = 0; i < size; i++) oneHot[i * 10 + Math.floor(next() * 10)] = 1;
    out.push({ x, oneHot: { shape: [size, 10], values: oneHot } });
  }
  return out;
}
