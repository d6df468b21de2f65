import type { KernelTable } from '../../../kernels/op-specs.js';
import type { CpuBackend } from '../cpu-backend.js';
import { elementwiseKernels } from './elementwise/index.js';
import { linalgKernels } from './linalg/index.js';
import { movementKernels } from './movement/index.js';
import { reduceKernels } from './reduce/index.js';

/** Every primitive, implemented on typed arrays; the compiler checks the table is complete. */
export const cpuKernels = {
  ...elementwiseKernels,
  ...reduceKernels,
  ...movementKernels,
  ...linalgKernels,
} satisfies KernelTable<CpuBackend>;
