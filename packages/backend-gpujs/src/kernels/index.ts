import type { KernelTable } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../gpujs-backend.js';
import { ELEMENTWISE_KERNELS } from './elementwise/index.js';
import { LINALG_KERNELS } from './linalg/index.js';
import { MOVEMENT_KERNELS } from './movement/index.js';
import { REDUCE_KERNELS } from './reduce/index.js';

/** Every kernel of the gpu.js backend; the primitives it lacks are in `UNSUPPORTED_OPS`, each with its reason. */
export const KERNELS: Partial<KernelTable<GpuJsBackend>> = {
  ...ELEMENTWISE_KERNELS,
  ...REDUCE_KERNELS,
  ...MOVEMENT_KERNELS,
  ...LINALG_KERNELS,
};
