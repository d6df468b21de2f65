import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.cos(v)`. */
function cosLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.cos(v);
  }
}

/** CPU kernel of `Cos`: cosine (radians). */
export const cosKernel: KernelFn<'Cos', CpuBackend> = unaryKernel((): UnaryLoop => cosLoop);
