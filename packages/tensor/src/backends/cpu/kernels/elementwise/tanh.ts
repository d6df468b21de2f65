import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.tanh(v)`. */
function tanhLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.tanh(v);
  }
}

/** CPU kernel of `Tanh`: hyperbolic tangent. */
export const tanhKernel: KernelFn<'Tanh', CpuBackend> = unaryKernel((): UnaryLoop => tanhLoop);
