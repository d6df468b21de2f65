import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `v !== v`, branch-free as `+(…)`. */
function isNaNLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = +(v !== v);
  }
}

/** CPU kernel of `IsNaN`: true where `x` is NaN. */
export const isNaNKernel: KernelFn<'IsNaN', CpuBackend> = unaryKernel((): UnaryLoop => isNaNLoop, 'bool');
