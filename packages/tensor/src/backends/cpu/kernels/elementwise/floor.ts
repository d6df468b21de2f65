import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyLoop, unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.floor(v)`. */
function floorLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.floor(v);
  }
}

/** CPU kernel of `Floor`: largest integer ≤ `x` (identity on int32 and bool). */
export const floorKernel: KernelFn<'Floor', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'int32' || dtype === 'bool' ? copyLoop : floorLoop,
);
