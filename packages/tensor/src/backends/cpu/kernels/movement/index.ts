import type { KernelTable } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';

/** CPU kernels of the movement group. */
export const movementKernels = {} satisfies Partial<KernelTable<CpuBackend>>;
