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

/** CPU kernel of `Ceil`: smallest integer ≥ `x` (identity on int32 and bool). */
export const ceilKernel: KernelFn<'Ceil', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'int32' || dtype === 'bool' ? copyLoop : ceilLoop,
);
