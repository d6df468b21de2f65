import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `v === 0`, branch-free as `+(…)`. */
function logicalNotLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = +(v === 0);
  }
}

/** CPU kernel of `LogicalNot`: true where `x` is zero (NaN counts as true, so gives false). */
export const logicalNotKernel: KernelFn<'LogicalNot', CpuBackend> = unaryKernel(
  (): UnaryLoop => logicalNotLoop,
  'bool',
);
