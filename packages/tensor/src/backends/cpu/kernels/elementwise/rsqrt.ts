import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `1 / Math.sqrt(v)`. */
function rsqrtLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = 1 / Math.sqrt(v);
  }
}

/** CPU kernel of `Rsqrt`: `1 / sqrt(x)` (∞ at 0). */
export const rsqrtKernel: KernelFn<'Rsqrt', CpuBackend> = unaryKernel((): UnaryLoop => rsqrtLoop);
