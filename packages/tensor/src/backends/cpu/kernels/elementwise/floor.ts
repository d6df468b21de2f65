import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyLoop, unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.floor(v)`. */
function floorLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.floor(v);
  }
}

/** Float32 loop: `Math.floor(v)`, unrolled 8-fold (only ever sees Float32Array storage). */
function floorF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 7; i += 8) {
    out[i] = Math.floor(x[i]!);
    out[i + 1] = Math.floor(x[i + 1]!);
    out[i + 2] = Math.floor(x[i + 2]!);
    out[i + 3] = Math.floor(x[i + 3]!);
    out[i + 4] = Math.floor(x[i + 4]!);
    out[i + 5] = Math.floor(x[i + 5]!);
    out[i + 6] = Math.floor(x[i + 6]!);
    out[i + 7] = Math.floor(x[i + 7]!);
  }
  for (; i < n; i++) out[i] = Math.floor(x[i]!);
}

/** CPU kernel of `Floor`: largest integer ≤ `x` (identity on int32 and bool). */
export const floorKernel: KernelFn<'Floor', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? floorF32 : dtype === 'int32' || dtype === 'bool' ? copyLoop : floorLoop,
);
