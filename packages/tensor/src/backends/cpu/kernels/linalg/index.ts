import type { KernelTable } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';

/** CPU kernels of the linalg group. */
export const linalgKernels = {} satisfies Partial<KernelTable<CpuBackend>>;
