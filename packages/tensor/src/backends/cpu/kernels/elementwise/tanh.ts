import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { expm1F32 } from './exp-math.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.tanh(v)`. */
function tanhLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.tanh(v);
  }
}

/**
 * `tanh(v)` for a float32 result: `m / (m + 2)` with `m = expm1(2v)` from {@link expm1F32}, so there
 * is no cancellation near 0 (`m` is accurate there and `m + 2 ≥ 1`); ±1 for large `|v|`, and `-0`
 * stays `-0`.
 */
function tanhF32(v: number): number {
  const m = expm1F32(2 * v);
  return m / (m + 2);
}

/** Float32 loop: {@link tanhF32}, unrolled 4-fold. */
function tanhLoopF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 3; i += 4) {
    out[i] = tanhF32(x[i]!);
    out[i + 1] = tanhF32(x[i + 1]!);
    out[i + 2] = tanhF32(x[i + 2]!);
    out[i + 3] = tanhF32(x[i + 3]!);
  }
  for (; i < n; i++) out[i] = tanhF32(x[i]!);
}

/** CPU kernel of `Tanh`: hyperbolic tangent (float32 through {@link expm1F32}). */
export const tanhKernel: KernelFn<'Tanh', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? tanhLoopF32 : tanhLoop,
);
