import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.exp(v)`. */
function expLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.exp(v);
  }
}

/** CPU kernel of `Exp`: `e ** x`. */
export const expKernel: KernelFn<'Exp', CpuBackend> = unaryKernel((): UnaryLoop => expLoop);
