import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { expF32 } from './exp-math.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: the logistic function, stable for large `|v|`. */
function sigmoidLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    const e = Math.exp(-Math.abs(v));
    out[i] = v >= 0 ? 1 / (1 + e) : e / (1 + e);
  }
}

/**
 * Float32 loop: `1 / (1 + e)` with `e = exp(-v)` from {@link expF32}, without a data-dependent branch
 * (the sign test above mispredicts on mixed-sign data). In double, `e` cannot overflow (it is clamped
 * at `e^104`, where the result already rounds to float32 0), and `1 / (1 + e)` has no cancellation.
 * Unrolled 4-fold.
 */
function sigmoidLoopF32(x: TypedArray, out: TypedArray, n: number): void {
  let i = 0;
  for (; i < n - 3; i += 4) {
    out[i] = 1 / (1 + expF32(-x[i]!));
    out[i + 1] = 1 / (1 + expF32(-x[i + 1]!));
    out[i + 2] = 1 / (1 + expF32(-x[i + 2]!));
    out[i + 3] = 1 / (1 + expF32(-x[i + 3]!));
  }
  for (; i < n; i++) out[i] = 1 / (1 + expF32(-x[i]!));
}

/** CPU kernel of `Sigmoid`: `1 / (1 + exp(-x))`, computed so that it never overflows. */
export const sigmoidKernel: KernelFn<'Sigmoid', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? sigmoidLoopF32 : sigmoidLoop,
);
