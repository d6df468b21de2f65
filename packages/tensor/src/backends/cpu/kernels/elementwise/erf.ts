import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';
import { erf } from './erf-math.js';

/** Loop: `erf(v)`. */
function erfLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = erf(v);
  }
}

/** CPU kernel of `Erf`: the error function. */
export const erfKernel: KernelFn<'Erf', CpuBackend> = unaryKernel((): UnaryLoop => erfLoop);
