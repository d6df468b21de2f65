/**
 * conv2d forward at the MNIST-CNN shapes, stride 1, padding 1: images/s = N / time.
 * @nn runs NCHW × OIHW; TF.js runs its native NHWC × HWIO (inputs permuted once, outside the timing).
 */
import type { Tensor4D } from '@tensorflow/tfjs-core';
import { normal, permuteHost } from '../lib/data.js';
import { nnOp, nnRunner, tfRunner } from '../lib/runners.js';
import type { Workload } from '../lib/types.js';

function conv2dWorkload(
  id: string,
  x: [number, number, number, number],
  w: [number, number, number, number],
): Workload {
  const [n, , h, wd] = x;
  const o = w[0];
  return {
    id,
    group: 'conv2d',
    label: `conv2d x[${x.join(',')}] w[${w.join(',')}] pad 1`,
    unit: 'img/s',
    work: n,
    nnOps: ['conv2d'],
    note: 'conv2d: @nn NCHW/OIHW, TF.js NHWC/HWIO (its native layout)',
    inputs: () => [normal(x, 61 + x[1]), normal(w, 67 + w[0])],
    nn: (nn, inputs) => {
      const conv2d = nnOp(nn, 'conv2d');
      return nnRunner(nn, inputs, ([xt, wt]) => conv2d(xt, wt, null, { padding: 1 }));
    },
    tf: (tf, inputs) => {
      const nhwc = permuteHost(inputs[0]!, [0, 2, 3, 1]);
      const hwio = permuteHost(inputs[1]!, [2, 3, 1, 0]);
      return tfRunner(
        tf,
        [nhwc, hwio],
        ([xt, wt]) => tf.conv2d(xt as Tensor4D, wt as Tensor4D, 1, 1),
        (v) => permuteHost({ shape: [n, h, wd, o], values: v }, [0, 3, 1, 2]).values,
      );
    },
  };
}

export const conv2dWorkloads: Workload[] = [
  conv2dWorkload('conv2d-1', [64, 1, 28, 28], [8, 1, 3, 3]),
  conv2dWorkload('conv2d-2', [64, 8, 14, 14], [16, 8, 3, 3]),
];
