import type { KernelTable } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';

/** CPU kernels of the elementwise group. */
export const elementwiseKernels = {} satisfies Partial<KernelTable<CpuBackend>>;
