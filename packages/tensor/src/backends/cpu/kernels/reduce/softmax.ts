import type { TypedArray } from '../../../../dtype.js';
import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { axisLayout } from '../../../../kernels/kernel-checks.js';

/**
 * Writes `softmax` (or `logSoftmax` when `log`) of `xs` along the middle axis of `[outer, size,
 * inner]` into `out`, computing in double: the row maximum is subtracted first, so large logits
 * never overflow. A row whose maximum is ±Inf or NaN gives NaN where PyTorch does (e.g. all -Inf).
 */
export function softmaxInto(xs: TypedArray, out: TypedArray, outer: number, size: number, inner: number, log: boolean): void {
  if (size === 0) return;
  if (inner === 1) {
    for (let o = 0, p = 0; o < outer; o++, p += size) {
      let m = -Infinity;
      for (let r = 0; r < size; r++) {
        const v = xs[p + r]!;
        if (v > m) m = v;
      }
      let s = 0;
      if (log) {
        for (let r = 0; r < size; r++) s += Math.exp(xs[p + r]! - m);
        const ls = Math.log(s);
        for (let r = 0; r < size; r++) out[p + r] = xs[p + r]! - m - ls;
      } else {
        for (let r = 0; r < size; r++) {
          const e = Math.exp(xs[p + r]! - m);
          s += e;
          out[p + r] = e;
        }
        for (let r = 0; r < size; r++) out[p + r] = out[p + r]! / s;
      }
    }
    return;
  }
  const m = new Float64Array(inner);
  const s = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    const base = o * size * inner;
    m.fill(-Infinity);
    s.fill(0);
    for (let r = 0, p = base; r < size; r++, p += inner) {
      for (let i = 0; i < inner; i++) {
        const v = xs[p + i]!;
        if (v > m[i]!) m[i] = v;
      }
    }
    for (let r = 0, p = base; r < size; r++, p += inner) {
      for (let i = 0; i < inner; i++) {
        const e = Math.exp(xs[p + i]! - m[i]!);
        s[i]! += e;
        if (!log) out[p + i] = e;
      }
    }
    if (log) {
      for (let i = 0; i < inner; i++) s[i] = Math.log(s[i]!);
      for (let r = 0, p = base; r < size; r++, p += inner) {
        for (let i = 0; i < inner; i++) out[p + i] = xs[p + i]! - m[i]! - s[i]!;
      }
    } else {
      for (let r = 0, p = base; r < size; r++, p += inner) {
        for (let i = 0; i < inner; i++) out[p + i] = out[p + i]! / s[i]!;
      }
    }
  }
}

/** `Softmax` along `axis` (float inputs; the dtype is kept). */
export const softmax: KernelFn<'Softmax', CpuBackend> = ({ inputs: { x }, attrs: { axis }, backend }) => {
  const xs = backend.values(x);
  const out = allocate(x.dtype, xs.length);
  const { outer, size, inner } = axisLayout(x.shape, axis);
  softmaxInto(xs, out, outer, size, inner, false);
  return backend.output(out, x.shape, x.dtype);
};
