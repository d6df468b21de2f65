import type { DType, TypedArray } from '../../../../dtype.js';
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

/** Float32 loop: `Math.abs(v)`, unrolled 8-fold (only ever sees Float32Array storage). */
function absF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 7; i += 8) {
    out[i] = Math.abs(x[i]!);
    out[i + 1] = Math.abs(x[i + 1]!);
    out[i + 2] = Math.abs(x[i + 2]!);
    out[i + 3] = Math.abs(x[i + 3]!);
    out[i + 4] = Math.abs(x[i + 4]!);
    out[i + 5] = Math.abs(x[i + 5]!);
    out[i + 6] = Math.abs(x[i + 6]!);
    out[i + 7] = Math.abs(x[i + 7]!);
  }
  for (; i < n; i++) out[i] = Math.abs(x[i]!);
}

/** CPU kernel of `Abs`: `|x|` (int32 wraps at -2³¹ like PyTorch). */
export const absKernel: KernelFn<'Abs', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? absF32 : absLoop,
);
