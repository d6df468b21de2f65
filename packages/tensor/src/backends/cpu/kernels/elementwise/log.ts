import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.log(v)`. */
function logLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.log(v);
  }
}

/** CPU kernel of `Log`: natural logarithm (NaN below 0, -∞ at 0). */
export const logKernel: KernelFn<'Log', CpuBackend> = unaryKernel((): UnaryLoop => logLoop);
