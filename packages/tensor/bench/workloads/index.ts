/** Every workload, in table order. */
import type { Workload } from '../lib/types.js';
import { addWorkloads } from './add.js';
import { conv2dWorkloads } from './conv2d.js';
import { matmulWorkloads } from './matmul.js';
import { sumWorkloads } from './sum.js';
import { unaryWorkloads } from './unary.js';

export const workloads: Workload[] = [
  ...matmulWorkloads,
  ...addWorkloads,
  ...sumWorkloads,
  ...unaryWorkloads,
  ...conv2dWorkloads,
];
