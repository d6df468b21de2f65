import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyLoop, unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.ceil(v)`. */
function ceilLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.ceil(v);
  }
}

/** Float32 loop: `Math.ceil(v)`, unrolled 8-fold (only ever sees Float32Array storage). */
function ceilF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 7; i += 8) {
    out[i] = Math.ceil(x[i]!);
    out[i + 1] = Math.ceil(x[i + 1]!);
    out[i + 2] = Math.ceil(x[i + 2]!);
    out[i + 3] = Math.ceil(x[i + 3]!);
    out[i + 4] = Math.ceil(x[i + 4]!);
    out[i + 5] = Math.ceil(x[i + 5]!);
    out[i + 6] = Math.ceil(x[i + 6]!);
    out[i + 7] = Math.ceil(x[i + 7]!);
  }
  for (; i < n; i++) out[i] = Math.ceil(x[i]!);
}

/** CPU kernel of `Ceil`: smallest integer ≥ `x` (identity on int32 and bool). */
export const ceilKernel: KernelFn<'Ceil', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? ceilF32 : dtype === 'int32' || dtype === 'bool' ? copyLoop : ceilLoop,
);
