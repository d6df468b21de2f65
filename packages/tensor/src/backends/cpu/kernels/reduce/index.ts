import type { KernelTable } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';

/** CPU kernels of the reduce group. */
export const reduceKernels = {} satisfies Partial<KernelTable<CpuBackend>>;
