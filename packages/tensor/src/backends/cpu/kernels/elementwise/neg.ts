import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyLoop, unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `-v`. */
function negLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = -v;
  }
}

/** Float32 loop: `-v`, unrolled 8-fold (only ever sees Float32Array storage). */
function negF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 7; i += 8) {
    out[i] = -x[i]!;
    out[i + 1] = -x[i + 1]!;
    out[i + 2] = -x[i + 2]!;
    out[i + 3] = -x[i + 3]!;
    out[i + 4] = -x[i + 4]!;
    out[i + 5] = -x[i + 5]!;
    out[i + 6] = -x[i + 6]!;
    out[i + 7] = -x[i + 7]!;
  }
  for (; i < n; i++) out[i] = -x[i]!;
}

/** CPU kernel of `Neg`: `-x` (int32 wraps; identity on bool, which the public `neg` rejects). */
export const negKernel: KernelFn<'Neg', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? negF32 : dtype === 'bool' ? copyLoop : negLoop,
);
