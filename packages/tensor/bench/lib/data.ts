/** Deterministic host data for the workloads (independent of @nn, so TF.js rows work without it). */
import type { HostTensor } from './types.js';

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

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Standard-normal float32 values of `shape`, seeded. */
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

/** Uniform float32 values in [lo, hi) of `shape`, seeded. */
export function uniform(shape: readonly number[], seed: number, lo = -1, hi = 1): HostTensor {
  const next = mulberry32(seed);
  const values = new Float32Array(sizeOf(shape));
  for (let i = 0; i < values.length; i++) values[i] = lo + (hi - lo) * next();
  return { shape, values };
}

/**
 * Permutes a dense row-major array: output dim i is input dim `perm[i]`. Used to hand TF.js its
 * native layouts (NHWC, HWIO) and to bring its results back to the @nn layout for the cross-check.
 */
export function permuteHost(x: HostTensor, perm: readonly number[]): HostTensor {
  const rank = x.shape.length;
  const inStrides = new Array<number>(rank).fill(1);
  for (let d = rank - 2; d >= 0; d--) inStrides[d] = inStrides[d + 1]! * x.shape[d + 1]!;
  const outShape = perm.map((p) => x.shape[p]!);
  const strides = perm.map((p) => inStrides[p]!);
  const out = new Float32Array(x.values.length);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = x.values[src]!;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]!++;
      src += strides[d]!;
      if (idx[d]! < outShape[d]!) break;
      src -= strides[d]! * outShape[d]!;
      idx[d] = 0;
    }
  }
  return { shape: outShape, values: out };
}
