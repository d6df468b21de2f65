import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.sqrt(v)`. */
function sqrtLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.sqrt(v);
  }
}

/** CPU kernel of `Sqrt`: square root (NaN below 0). */
export const sqrtKernel: KernelFn<'Sqrt', CpuBackend> = unaryKernel((): UnaryLoop => sqrtLoop);
