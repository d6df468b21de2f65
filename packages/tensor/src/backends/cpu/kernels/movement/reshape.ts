import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';

/** `Reshape`: the same row-major elements under a new shape, in a storage of its own. */
export const reshape: KernelFn<'Reshape', CpuBackend> = ({ inputs, attrs, backend }) =>
  backend.output(backend.values(inputs.x).slice(), attrs.shape, inputs.x.dtype);
