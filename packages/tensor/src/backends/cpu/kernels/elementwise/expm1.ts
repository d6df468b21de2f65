import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.expm1(v)`. */
function expm1Loop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.expm1(v);
  }
}

/** CPU kernel of `Expm1`: `exp(x) - 1`, accurate near 0. */
export const expm1Kernel: KernelFn<'Expm1', CpuBackend> = unaryKernel((): UnaryLoop => expm1Loop);
