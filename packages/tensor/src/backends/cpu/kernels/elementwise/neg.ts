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

/** CPU kernel of `Neg`: `-x` (int32 wraps; identity on bool, which the public `neg` rejects). */
export const negKernel: KernelFn<'Neg', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'bool' ? copyLoop : negLoop,
);
