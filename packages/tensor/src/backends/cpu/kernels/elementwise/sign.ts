import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `sign(v)`. */
function signLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = v > 0 ? 1 : v < 0 ? -1 : v;
  }
}

/** CPU kernel of `Sign`: -1, 0 or 1 by the sign of `x`; NaN stays NaN, ±0 stays ±0. */
export const signKernel: KernelFn<'Sign', CpuBackend> = unaryKernel((): UnaryLoop => signLoop);
