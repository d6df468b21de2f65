/** Square float32 matmul, n × n times n × n: GFLOP/s = 2·n³ / time. */
import { normal } from '../lib/data.js';
import { nnOp, nnRunner, tfRunner } from '../lib/runners.js';
import type { Workload } from '../lib/types.js';

function matmulWorkload(n: number): Workload {
  return {
    id: `matmul-${n}`,
    group: 'matmul',
    label: `matmul ${n}×${n} · ${n}×${n}`,
    unit: 'GFLOP/s',
    work: (2 * n ** 3) / 1e9,
    nnOps: ['matmul'],
    inputs: () => [normal([n, n], 11 + n), normal([n, n], 17 + n)],
    nn: (nn, inputs) => {
      const matmul = nnOp(nn, 'matmul');
      return nnRunner(nn, inputs, ([a, b]) => matmul(a, b));
    },
    tf: (tf, inputs) => tfRunner(tf, inputs, ([a, b]) => tf.matMul(a!, b!)),
  };
}

export const matmulWorkloads: Workload[] = [128, 256, 512, 1024].map(matmulWorkload);
