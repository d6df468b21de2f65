import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: the logistic function, stable for large `|v|`. */
function sigmoidLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    const e = Math.exp(-Math.abs(v));
    out[i] = v >= 0 ? 1 / (1 + e) : e / (1 + e);
  }
}

/** CPU kernel of `Sigmoid`: `1 / (1 + exp(-x))`, computed from `exp(-|x|)` so it never overflows. */
export const sigmoidKernel: KernelFn<'Sigmoid', CpuBackend> = unaryKernel((): UnaryLoop => sigmoidLoop);
