import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { axisLayout } from '../../../../kernels/kernel-checks.js';
import { softmaxInto } from './softmax.js';

/** `LogSoftmax` along `axis`: `(x - max) - log(sum(exp(x - max)))` in double (float inputs). */
export const logSoftmax: KernelFn<'LogSoftmax', CpuBackend> = ({ inputs: { x }, attrs: { axis }, backend }) => {
  const xs = backend.values(x);
  const out = allocate(x.dtype, xs.length);
  const { outer, size, inner } = axisLayout(x.shape, axis);
  softmaxInto(xs, out, outer, size, inner, true);
  return backend.output(out, x.shape, x.dtype);
};
