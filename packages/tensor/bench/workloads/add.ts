/** Elementwise add, same-shape and with a broadcast row: GB/s counts bytes of both inputs + output. */
import { normal } from '../lib/data.js';
import { nnOp, nnRunner, tfRunner } from '../lib/runners.js';
import type { Workload } from '../lib/types.js';

function addWorkload(id: string, a: number[], b: number[]): Workload {
  const size = (s: number[]) => s.reduce((x, y) => x * y, 1);
  const bytes = 4 * (size(a) + size(b) + size(a));
  return {
    id,
    group: 'add',
    label: `add [${a.join(',')}] + [${b.join(',')}]`,
    unit: 'GB/s',
    work: bytes / 1e9,
    nnOps: ['add'],
    note: 'add GB/s = 4·(|a| + |b| + |out|) bytes / time',
    inputs: () => [normal(a, 31), normal(b, 37)],
    nn: (nn, inputs) => {
      const add = nnOp(nn, 'add');
      return nnRunner(nn, inputs, ([x, y]) => add(x, y));
    },
    tf: (tf, inputs) => tfRunner(tf, inputs, ([x, y]) => tf.add(x!, y!)),
  };
}

export const addWorkloads: Workload[] = [
  addWorkload('add-same', [1024, 1024], [1024, 1024]),
  addWorkload('add-row', [1024, 1024], [1024]),
];
