import { ArgumentError, conv2dBackpropFilter, DTypeError, ShapeError, type DType } from '@nn/tensor';
import type { Conv2dOptions } from '@nn/tensor';
import type { CaseTable, ErrorCase, OpCase } from '../../case-types.js';
import { conv2dBackpropFilterRef, convSpec, sumTolerance, type ConvSpec } from './reference.js';

type Shape4 = [number, number, number, number];

function outSize(size: number, k: number, s: number, p0: number, p1: number, d: number): number {
  return Math.floor((size + p0 + p1 - d * (k - 1) - 1) / s) + 1;
}

function filter(
  name: string,
  xShape: Shape4,
  filterShape: Shape4,
  options: Conv2dOptions,
  spec: ConvSpec,
  dtype: DType = 'float32',
): OpCase {
  const [n, , h, w] = xShape;
  const oh = outSize(h, filterShape[2], spec.stride[0], spec.padding[0], spec.padding[1], spec.dilation[0]);
  const ow = outSize(w, filterShape[3], spec.stride[1], spec.padding[2], spec.padding[3], spec.dilation[1]);
  return {
    name,
    inputs: { x: { shape: xShape, dtype }, dy: { shape: [n, filterShape[0], oh, ow], dtype } },
    run: ({ x, dy }) => conv2dBackpropFilter(x!, dy!, filterShape, options),
    reference: ({ x, dy }) => conv2dBackpropFilterRef(x!, dy!, filterShape, spec),
    tolerance: sumTolerance(n * oh * ow, dtype),
  };
}

const cases: OpCase[] = [
  filter('basic [2,3,6,5] → [4,3,3,3]', [2, 3, 6, 5], [4, 3, 3, 3], {}, convSpec()),
  filter(
    'stride 2, padding 1',
    [2, 3, 7, 7],
    [4, 3, 3, 3],
    { stride: 2, padding: 1 },
    convSpec({ stride: [2, 2], padding: [1, 1, 1, 1] }),
  ),
  filter(
    'asymmetric padding [2,0,0,1], dilation [1,2]',
    [1, 2, 6, 7],
    [3, 2, 3, 2],
    { padding: [2, 0, 0, 1], dilation: [1, 2] },
    convSpec({ padding: [2, 0, 0, 1], dilation: [1, 2] }),
  ),
  filter(
    'groups 2',
    [2, 4, 5, 5],
    [6, 2, 3, 3],
    { groups: 2, padding: 1 },
    convSpec({ groups: 2, padding: [1, 1, 1, 1] }),
  ),
  filter('depthwise', [2, 3, 5, 4], [3, 1, 2, 2], { groups: 3 }, convSpec({ groups: 3 })),
  filter('pointwise 1×1', [2, 5, 3, 4], [7, 5, 1, 1], {}, convSpec()),
  filter('pointwise 1×1 with stride 2', [1, 3, 5, 5], [2, 3, 1, 1], { stride: 2 }, convSpec({ stride: [2, 2] })),
  filter(
    'MNIST-like [3,1,28,28] → [8,1,3,3] pad 1',
    [3, 1, 28, 28],
    [8, 1, 3, 3],
    { padding: 1 },
    convSpec({ padding: [1, 1, 1, 1] }),
  ),
  filter(
    'MNIST-like [2,8,14,14] → [16,8,3,3] pad 1',
    [2, 8, 14, 14],
    [16, 8, 3, 3],
    { padding: 1 },
    convSpec({ padding: [1, 1, 1, 1] }),
  ),
  filter('empty batch gives zeros', [0, 2, 4, 4], [3, 2, 3, 3], {}, convSpec()),
  filter('batch of 1, odd sizes', [1, 3, 9, 7], [5, 3, 4, 2], { stride: [2, 1] }, convSpec({ stride: [2, 1] })),
  filter(
    'float64',
    [2, 2, 5, 5],
    [3, 2, 3, 2],
    { stride: 2, padding: 1 },
    convSpec({ stride: [2, 2], padding: [1, 1, 1, 1] }),
    'float64',
  ),
];

const errors: ErrorCase[] = [
  {
    name: 'dy is not the forward output shape',
    inputs: { x: { shape: [1, 1, 5, 5] }, dy: { shape: [1, 2, 4, 4] } },
    run: ({ x, dy }) => conv2dBackpropFilter(x!, dy!, [2, 1, 3, 3]),
    error: ShapeError,
  },
  {
    name: 'filter channels do not match the input',
    inputs: { x: { shape: [1, 3, 5, 5] }, dy: { shape: [1, 2, 3, 3] } },
    run: ({ x, dy }) => conv2dBackpropFilter(x!, dy!, [2, 2, 3, 3]),
    error: ShapeError,
  },
  {
    name: 'filterShape with a negative size',
    inputs: { x: { shape: [1, 1, 5, 5] }, dy: { shape: [1, 2, 3, 3] } },
    run: ({ x, dy }) => conv2dBackpropFilter(x!, dy!, [2, 1, -3, 3]),
    error: ArgumentError,
  },
  {
    name: 'bool x',
    inputs: { x: { shape: [1, 1, 3, 3], dtype: 'bool' }, dy: { shape: [1, 1, 2, 2] } },
    run: ({ x, dy }) => conv2dBackpropFilter(x!, dy!, [1, 1, 2, 2]),
    error: DTypeError,
  },
];

/** Cases of the `Conv2DBackpropFilter` primitive. */
export const conv2DBackpropFilterTable: CaseTable = { op: 'Conv2DBackpropFilter', cases, errors };
