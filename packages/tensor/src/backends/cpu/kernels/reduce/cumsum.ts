import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { axisLayout } from '../../../../kernels/kernel-checks.js';

/**
 * `Cumsum`: inclusive running sum along `axis`, from the last element backwards when `reverse`.
 * Floats accumulate in double and round each stored prefix once; `int32` wraps like int32; `bool`
 * counts as int32.
 */
export const cumsum: KernelFn<'Cumsum', CpuBackend> = ({ inputs: { x }, attrs: { axis, reverse }, backend }) => {
  const xs = backend.values(x);
  const dtype = x.dtype === 'bool' ? 'int32' : x.dtype;
  const isInt = dtype === 'int32';
  const { outer, size, inner } = axisLayout(x.shape, axis);
  const out = dtype === 'int32' ? new Int32Array(xs.length) : dtype === 'float32' ? new Float32Array(xs.length) : new Float64Array(xs.length);
  // Walk each line from `first` by `step` (in units of `inner`).
  const first = reverse ? size - 1 : 0;
  const step = reverse ? -1 : 1;
  if (inner === 1) {
    for (let o = 0, base = 0; o < outer; o++, base += size) {
      let s = 0;
      for (let r = 0, p = base + first; r < size; r++, p += step) {
        s = isInt ? (s + xs[p]!) | 0 : s + xs[p]!;
        out[p] = s;
      }
    }
  } else {
    const acc = new Float64Array(inner);
    const jump = step * inner;
    for (let o = 0; o < outer; o++) {
      acc.fill(0);
      for (let r = 0, p = o * size * inner + first * inner; r < size; r++, p += jump) {
        for (let i = 0; i < inner; i++) {
          const s = isInt ? (acc[i]! + xs[p + i]!) | 0 : acc[i]! + xs[p + i]!;
          acc[i] = s;
          out[p + i] = s;
        }
      }
    }
  }
  return backend.output(out, x.shape, dtype);
};
