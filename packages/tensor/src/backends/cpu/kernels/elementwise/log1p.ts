import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.log1p(v)`. */
function log1pLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.log1p(v);
  }
}

/** CPU kernel of `Log1p`: `log(1 + x)`, accurate near 0. */
export const log1pKernel: KernelFn<'Log1p', CpuBackend> = unaryKernel((): UnaryLoop => log1pLoop);
