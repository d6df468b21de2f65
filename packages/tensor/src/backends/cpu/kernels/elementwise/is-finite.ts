import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `v - v === 0` (false for ±∞ and NaN), branch-free as `+(…)`. */
function isFiniteLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = +(v - v === 0);
  }
}

/** CPU kernel of `IsFinite`: true where `x` is neither ±∞ nor NaN. */
export const isFiniteKernel: KernelFn<'IsFinite', CpuBackend> = unaryKernel((): UnaryLoop => isFiniteLoop, 'bool');
