import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.abs(v)`. */
function absLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.abs(v);
  }
}

/** CPU kernel of `Abs`: `|x|` (int32 wraps at -2³¹ like PyTorch). */
export const absKernel: KernelFn<'Abs', CpuBackend> = unaryKernel((): UnaryLoop => absLoop);
