import type { KernelFn } from '../../../../kernels/op-specs.js';
import { sizeOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';

/**
 * CPU kernel of `Cast`: converts to `attrs.dtype`. To `bool`: `x !== 0` (so NaN is true); from
 * `bool`: 0 or 1; float to `int32`: truncates toward zero (NaN and ±∞ give 0, values beyond the
 * int32 range wrap modulo 2³²); `float64` to `float32` rounds to nearest.
 */
export const castKernel: KernelFn<'Cast', CpuBackend> = ({ inputs: { x }, attrs: { dtype }, backend }) => {
  const values = backend.values(x);
  const n = sizeOf(x.shape);
  const out = backend.uninitialized(dtype, n);
  if (dtype === 'bool' && x.dtype !== 'bool') {
    for (let i = 0; i < n; i++) out[i] = +(values[i] !== 0); // branch-free, unlike `? 1 : 0`
  } else {
    // Typed-array stores convert exactly as required (ToInt32 truncates, Float32 rounds).
    out.set(values.length === n ? values : values.subarray(0, n));
  }
  return backend.output(out, x.shape, dtype);
};
