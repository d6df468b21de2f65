import type { KernelTable } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { all } from './all.js';
import { any } from './any.js';
import { argMax } from './arg-max.js';
import { argMin } from './arg-min.js';
import { cumsum } from './cumsum.js';
import { logSoftmax } from './log-softmax.js';
import { max } from './max.js';
import { min } from './min.js';
import { prod } from './prod.js';
import { softmax } from './softmax.js';
import { sum } from './sum.js';

/** CPU kernels of the reduce group. */
export const reduceKernels = {
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
} satisfies Partial<KernelTable<CpuBackend>>;
