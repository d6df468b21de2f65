import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.sqrt(v)`. */
function sqrtLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.sqrt(v);
  }
}

/** Float32 loop: `Math.sqrt(v)`, unrolled 8-fold (only ever sees Float32Array storage). */
function sqrtF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 7; i += 8) {
    out[i] = Math.sqrt(x[i]!);
    out[i + 1] = Math.sqrt(x[i + 1]!);
    out[i + 2] = Math.sqrt(x[i + 2]!);
    out[i + 3] = Math.sqrt(x[i + 3]!);
    out[i + 4] = Math.sqrt(x[i + 4]!);
    out[i + 5] = Math.sqrt(x[i + 5]!);
    out[i + 6] = Math.sqrt(x[i + 6]!);
    out[i + 7] = Math.sqrt(x[i + 7]!);
  }
  for (; i < n; i++) out[i] = Math.sqrt(x[i]!);
}

/** CPU kernel of `Sqrt`: square root (NaN below 0). */
export const sqrtKernel: KernelFn<'Sqrt', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? sqrtF32 : sqrtLoop,
);
