import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.sin(v)`. */
function sinLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.sin(v);
  }
}

/** CPU kernel of `Sin`: sine (radians). */
export const sinKernel: KernelFn<'Sin', CpuBackend> = unaryKernel((): UnaryLoop => sinLoop);
