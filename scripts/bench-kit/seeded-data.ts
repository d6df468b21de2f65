/**
 * Deterministic host data for the benchmark harnesses (packages/tensor/bench and
 * packages/autograd/bench): a seeded PRNG and dense float32 arrays built from it, independent of
 * @nn so the TF.js rows work without it.
 */

/** A dense float32 array with its shape, in row-major order. */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** The mulberry32 generator: uniform numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The number of elements of `shape`. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Uniform float32 values in [lo, hi) of `shape`, drawn from `next` (which advances). */
export function uniformFrom(shape: readonly number[], next: () => number, lo: number, hi: number): HostTensor {
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) values[i] = lo + (hi - lo) * next();
  return { shape, values };
}

/** Uniform float32 values in [lo, hi) of `shape`, seeded. */
export function uniform(shape: readonly number[], seed: number, lo = -1, hi = 1): HostTensor {
  return uniformFrom(shape, mulberry32(seed), lo, hi);
}

/** Standard-normal float32 values of `shape` (Box–Muller), seeded. */
export function normal(shape: readonly number[], seed: number): HostTensor {
  const next = mulberry32(seed);
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i += 2) {
    const u = 1 - next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    values[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < values.length) values[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return { shape, values };
}
