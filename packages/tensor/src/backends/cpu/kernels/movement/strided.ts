import type { TypedArray } from '../../../../dtype.js';

/** Below this many elements a plain loop beats `subarray` + `set` for one contiguous row. */
const SET_THRESHOLD = 32;

/**
 * Copies a strided view of `src` into a strided view of `dst` (same element type): element
 * `[i0, i1, …]` of `shape` is read at `srcOffset + Σ ik·srcStrides[k]` and written at
 * `dstOffset + Σ ik·dstStrides[k]`. Strides may be zero (broadcast) or negative (reversed).
 *
 * Size-1 dims are dropped and neighbouring dims that are contiguous in both views are merged first,
 * so most movement reduces to a few long rows: those are copied with `subarray`/`set` (stride 1 on
 * both sides), `fill` (a broadcast source), or a tight strided loop; the outer dims advance with an
 * odometer. Nothing is allocated per element.
 * @internal
 */
export function copyStrided(
  src: TypedArray,
  srcOffset: number,
  srcStrides: readonly number[],
  dst: TypedArray,
  dstOffset: number,
  dstStrides: readonly number[],
  shape: readonly number[],
): void {
  const dims: number[] = [];
  const ss: number[] = [];
  const ds: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i]!;
    if (n === 0) return;
    if (n === 1) continue;
    const s = srcStrides[i]!;
    const d = dstStrides[i]!;
    const k = dims.length - 1;
    if (k >= 0 && ss[k] === s * n && ds[k] === d * n) {
      dims[k] = dims[k]! * n;
      ss[k] = s;
      ds[k] = d;
    } else {
      dims.push(n);
      ss.push(s);
      ds.push(d);
    }
  }
  const rank = dims.length;
  if (rank === 0) {
    dst[dstOffset] = src[srcOffset]!;
    return;
  }
  const inner = dims[rank - 1]!;
  const si = ss[rank - 1]!;
  const di = ds[rank - 1]!;
  let outer = 1;
  for (let k = 0; k < rank - 1; k++) outer *= dims[k]!;
  const mode = si === 1 && di === 1 ? (inner >= SET_THRESHOLD ? 1 : 2) : si === 0 && di === 1 ? 3 : 0;
  const counter = new Array<number>(rank).fill(0);
  let so = srcOffset;
  let dof = dstOffset;
  for (let r = 0; r < outer; r++) {
    if (mode === 1) {
      dst.set(src.subarray(so, so + inner), dof);
    } else if (mode === 2) {
      for (let j = 0; j < inner; j++) dst[dof + j] = src[so + j]!;
    } else if (mode === 3) {
      dst.fill(src[so]!, dof, dof + inner);
    } else {
      for (let j = 0, a = so, b = dof; j < inner; j++, a += si, b += di) dst[b] = src[a]!;
    }
    for (let k = rank - 2; k >= 0; k--) {
      so += ss[k]!;
      dof += ds[k]!;
      const c = counter[k]! + 1;
      if (c < dims[k]!) {
        counter[k] = c;
        break;
      }
      counter[k] = 0;
      so -= ss[k]! * dims[k]!;
      dof -= ds[k]! * dims[k]!;
    }
  }
}
