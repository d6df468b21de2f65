import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `1 / v`. */
function reciprocalLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = 1 / v;
  }
}

/** CPU kernel of `Reciprocal`: `1 / x`. */
export const reciprocalKernel: KernelFn<'Reciprocal', CpuBackend> = unaryKernel((): UnaryLoop => reciprocalLoop);
