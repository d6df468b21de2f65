import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `1 / Math.sqrt(v)`. */
function rsqrtLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = 1 / Math.sqrt(v);
  }
}

/** Float32 loop: `1 / Math.sqrt(v)`, unrolled 8-fold (only ever sees Float32Array storage). */
function rsqrtF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 7; i += 8) {
    out[i] = 1 / Math.sqrt(x[i]!);
    out[i + 1] = 1 / Math.sqrt(x[i + 1]!);
    out[i + 2] = 1 / Math.sqrt(x[i + 2]!);
    out[i + 3] = 1 / Math.sqrt(x[i + 3]!);
    out[i + 4] = 1 / Math.sqrt(x[i + 4]!);
    out[i + 5] = 1 / Math.sqrt(x[i + 5]!);
    out[i + 6] = 1 / Math.sqrt(x[i + 6]!);
    out[i + 7] = 1 / Math.sqrt(x[i + 7]!);
  }
  for (; i < n; i++) out[i] = 1 / Math.sqrt(x[i]!);
}

/** CPU kernel of `Rsqrt`: `1 / sqrt(x)` (∞ at 0). */
export const rsqrtKernel: KernelFn<'Rsqrt', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? rsqrtF32 : rsqrtLoop,
);
