import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { expm1F32 } from './exp-math.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.expm1(v)`. */
function expm1Loop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.expm1(v);
  }
}

/** Float32 loop: {@link expm1F32} (no `Math.expm1` call), unrolled 4-fold. */
function expm1LoopF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 3; i += 4) {
    out[i] = expm1F32(x[i]!);
    out[i + 1] = expm1F32(x[i + 1]!);
    out[i + 2] = expm1F32(x[i + 2]!);
    out[i + 3] = expm1F32(x[i + 3]!);
  }
  for (; i < n; i++) out[i] = expm1F32(x[i]!);
}

/** CPU kernel of `Expm1`: `exp(x) - 1`, accurate near 0 (float32 through {@link expm1F32}). */
export const expm1Kernel: KernelFn<'Expm1', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? expm1LoopF32 : expm1Loop,
);
