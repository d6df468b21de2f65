import type { DType } from '@nn/tensor';
import type { HostTensor, InputSpec } from './case-types.js';

/** Row-major strides of a shape. */
export function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    out[i] = s;
    s *= shape[i]!;
  }
  return out;
}

/** Number of elements of a shape. */
export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Rounds like a store into `dtype` would (float32 rounding, int32 truncation, bool 0/1). */
export function roundTo(dtype: DType, v: number): number {
  switch (dtype) {
    case 'float32':
      return Math.fround(v);
    case 'int32':
      return v | 0;
    case 'bool':
      return v ? 1 : 0;
    default:
      return v;
  }
}

/** Seeded values for an input spec (a small LCG: cases must be identical on every run). */
export function hostInput(spec: InputSpec, seed: number): HostTensor {
  const dtype = spec.dtype ?? 'float32';
  const n = size(spec.shape);
  if (spec.values !== undefined) {
    if (spec.values.length !== n) throw new Error(`conformance case input: ${spec.values.length} values for shape [${spec.shape.join(',')}]`);
    return { shape: spec.shape, dtype, values: spec.values.map((v) => roundTo(dtype, v)) };
  }
  const [low, high] = spec.range ?? (dtype === 'bool' ? [0, 2] : dtype === 'int32' ? [-5, 5] : [-2, 2]);
  let state = (seed * 2654435761 + 12345) >>> 0;
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const u = state / 2 ** 32;
    const v = low + u * (high - low);
    values.push(dtype === 'bool' || dtype === 'int32' ? Math.floor(v) : roundTo(dtype, v));
  }
  return { shape: spec.shape, dtype, values };
}

/** Builds a host tensor from a shape and a function of the flat index. */
export function build(shape: readonly number[], dtype: DType, at: (i: number) => number): HostTensor {
  const n = size(shape);
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) values[i] = roundTo(dtype, at(i));
  return { shape, dtype, values };
}

/** The multi-index of flat index `i` in `shape`. */
export function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    idx[d] = n === 0 ? 0 : i % n;
    i = n === 0 ? 0 : Math.floor(i / n);
  }
  return idx;
}

/** The flat index of a multi-index in `shape`. */
export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d]! + idx[d]!;
  return flat;
}

/** NumPy broadcast of two shapes (references assume the shapes are valid). */
export function broadcast(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** The value of `t` at output multi-index `outIdx` of a broadcast result. */
export function broadcastAt(t: HostTensor, outIdx: readonly number[]): number {
  const offset = outIdx.length - t.shape.length;
  let flat = 0;
  for (let d = 0; d < t.shape.length; d++) {
    const n = t.shape[d]!;
    flat = flat * n + (n === 1 ? 0 : outIdx[offset + d]!);
  }
  return t.values[flat]!;
}
