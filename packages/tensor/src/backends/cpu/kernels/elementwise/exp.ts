import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { expF32 } from './exp-math.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `Math.exp(v)`. */
function expLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = Math.exp(v);
  }
}

/** Float32 loop: {@link expF32} (table + polynomial, no `Math.exp` call), unrolled 4-fold. */
function expLoopF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 3; i += 4) {
    out[i] = expF32(x[i]!);
    out[i + 1] = expF32(x[i + 1]!);
    out[i + 2] = expF32(x[i + 2]!);
    out[i + 3] = expF32(x[i + 3]!);
  }
  for (; i < n; i++) out[i] = expF32(x[i]!);
}

/** CPU kernel of `Exp`: `e ** x` (float32 through {@link expF32}, float64 through `Math.exp`). */
export const expKernel: KernelFn<'Exp', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? expLoopF32 : expLoop,
);
