/** Unary activations on 2^20 float32 elements: Melem/s. */
import { normal } from '../lib/data.js';
import { nnOp, nnRunner, tfRunner } from '../lib/runners.js';
import type { TF, Workload } from '../lib/types.js';

const N = 1 << 20;

function unaryWorkload(
  name: 'relu' | 'exp',
  tfOp: (tf: TF) => (x: Parameters<TF['relu']>[0]) => ReturnType<TF['relu']>,
): Workload {
  return {
    id: name,
    group: name,
    label: `${name} [${N}]`,
    unit: 'Melem/s',
    work: N / 1e6,
    nnOps: [name],
    inputs: () => [normal([N], 53)],
    nn: (nn, inputs) => {
      const op = nnOp(nn, name);
      return nnRunner(nn, inputs, ([x]) => op(x));
    },
    tf: (tf, inputs) => {
      const op = tfOp(tf);
      return tfRunner(tf, inputs, ([x]) => op(x!));
    },
  };
}

export const unaryWorkloads: Workload[] = [
  unaryWorkload('relu', (tf) => (x) => tf.relu(x)),
  unaryWorkload('exp', (tf) => (x) => tf.exp(x)),
];
