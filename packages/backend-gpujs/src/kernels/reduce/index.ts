import type { KernelTable } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { argMax, argMin } from './arg-reduce.js';
import { cumsum } from './cumsum.js';
import { max, min } from './extreme.js';
import { all, any } from './logical.js';
import { logSoftmax, softmax } from './softmax.js';
import { prod, sum } from './sum-prod.js';

/** The reduce kernels. */
export const REDUCE_KERNELS: Partial<KernelTable<GpuJsBackend>> = {
  Sum: sum,
  Prod: prod,
  Max: max,
  Min: min,
  All: all,
  Any: any,
  ArgMax: argMax,
  ArgMin: argMin,
  Cumsum: cumsum,
  Softmax: softmax,
  LogSoftmax: logSoftmax,
};
