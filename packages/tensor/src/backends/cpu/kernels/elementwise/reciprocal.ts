import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `1 / v`. */
function reciprocalLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = 1 / v;
  }
}

/** Float32 loop: `1 / v`, unrolled 8-fold (only ever sees Float32Array storage). */
function reciprocalF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 7; i += 8) {
    out[i] = 1 / x[i]!;
    out[i + 1] = 1 / x[i + 1]!;
    out[i + 2] = 1 / x[i + 2]!;
    out[i + 3] = 1 / x[i + 3]!;
    out[i + 4] = 1 / x[i + 4]!;
    out[i + 5] = 1 / x[i + 5]!;
    out[i + 6] = 1 / x[i + 6]!;
    out[i + 7] = 1 / x[i + 7]!;
  }
  for (; i < n; i++) out[i] = 1 / x[i]!;
}

/** CPU kernel of `Reciprocal`: `1 / x`. */
export const reciprocalKernel: KernelFn<'Reciprocal', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? reciprocalF32 : reciprocalLoop,
);
