/** Sum of a [1024, 1024] float32 tensor over the last axis and over all: GB/s of input read. */
import { normal } from '../lib/data.js';
import { nnOp, nnRunner, tfRunner } from '../lib/runners.js';
import type { Workload } from '../lib/types.js';

const SHAPE = [1024, 1024];
const BYTES = 4 * 1024 * 1024;

function sumWorkload(id: string, label: string, axis: number | undefined): Workload {
  return {
    id,
    group: 'sum',
    label,
    unit: 'GB/s',
    work: BYTES / 1e9,
    nnOps: ['sum'],
    note: 'sum GB/s = 4·|x| bytes / time',
    inputs: () => [normal(SHAPE, 41)],
    nn: (nn, inputs) => {
      const sum = nnOp(nn, 'sum');
      return nnRunner(nn, inputs, ([x]) => (axis === undefined ? sum(x) : sum(x, axis)));
    },
    tf: (tf, inputs) => tfRunner(tf, inputs, ([x]) => tf.sum(x!, axis)),
  };
}

export const sumWorkloads: Workload[] = [
  sumWorkload('sum-last', 'sum [1024,1024] over dim -1', -1),
  sumWorkload('sum-all', 'sum [1024,1024] over all', undefined),
];
