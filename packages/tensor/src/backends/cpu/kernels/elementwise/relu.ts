import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `v < 0 ? 0 : v`. */
function reluLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = v < 0 ? 0 : v;
  }
}

/** CPU kernel of `Relu`: `max(x, 0)`; NaN stays NaN. */
export const reluKernel: KernelFn<'Relu', CpuBackend> = unaryKernel((): UnaryLoop => reluLoop);
