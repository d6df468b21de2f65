import { ArgumentError, conv1d, conv2d, DTypeError, ShapeError, type DType } from '@nn/tensor';
import type { Conv2dOptions } from '@nn/tensor';
import type { CaseTable, ErrorCase, OpCase } from '../../case-types.js';
import { conv2dRef, convSpec, reshapeHost, sumTolerance, type ConvSpec } from './reference.js';

function conv(
  name: string,
  xShape: number[],
  wShape: number[],
  options: Conv2dOptions,
  spec: ConvSpec,
  extra: { bias?: boolean; dtype?: DType } = {},
): OpCase {
  const dtype = extra.dtype ?? 'float32';
  const k = wShape[1]! * wShape[2]! * wShape[3]!;
  return {
    name,
    inputs: {
      x: { shape: xShape, dtype },
      w: { shape: wShape, dtype },
      ...(extra.bias === true ? { bias: { shape: [wShape[0]!], dtype } } : {}),
    },
    run: ({ x, w, bias }) => conv2d(x!, w!, bias ?? null, options),
    reference: ({ x, w, bias }) => conv2dRef(x!, w!, spec, bias),
    tolerance: sumTolerance(k, dtype),
  };
}

const cases: OpCase[] = [
  conv('basic [2,3,7,6] * [4,3,3,3]', [2, 3, 7, 6], [4, 3, 3, 3], {}, convSpec()),
  conv(
    'stride 2, padding 1, odd sizes',
    [1, 2, 9, 8],
    [3, 2, 3, 2],
    { stride: 2, padding: 1 },
    convSpec({ stride: [2, 2], padding: [1, 1, 1, 1] }),
  ),
  conv(
    'stride [1,3], padding [2,0]',
    [2, 2, 6, 10],
    [2, 2, 2, 3],
    { stride: [1, 3], padding: [2, 0] },
    convSpec({ stride: [1, 3], padding: [2, 2, 0, 0] }),
  ),
  conv(
    'asymmetric 4-sided padding [1,0,2,1]',
    [1, 2, 5, 6],
    [3, 2, 3, 3],
    { padding: [1, 0, 2, 1] },
    convSpec({ padding: [1, 0, 2, 1] }),
  ),
  conv(
    "'same' with an even kernel (extra padding bottom/right)",
    [1, 2, 6, 5],
    [2, 2, 4, 2],
    { padding: 'same' },
    convSpec({ padding: [1, 2, 0, 1] }),
  ),
  conv(
    "'same' with dilation 2",
    [1, 1, 7, 7],
    [2, 1, 3, 3],
    { padding: 'same', dilation: 2 },
    convSpec({ padding: [2, 2, 2, 2], dilation: [2, 2] }),
  ),
  conv("'valid'", [1, 3, 5, 5], [2, 3, 2, 2], { padding: 'valid' }, convSpec()),
  conv(
    'dilation [2,1] with stride 2',
    [2, 2, 9, 7],
    [2, 2, 3, 3],
    { dilation: [2, 1], stride: 2, padding: 1 },
    convSpec({ dilation: [2, 1], stride: [2, 2], padding: [1, 1, 1, 1] }),
  ),
  conv(
    'groups 2',
    [2, 4, 5, 5],
    [6, 2, 3, 3],
    { groups: 2, padding: 1 },
    convSpec({ groups: 2, padding: [1, 1, 1, 1] }),
  ),
  conv('depthwise (groups = channels)', [1, 3, 6, 6], [3, 1, 3, 3], { groups: 3 }, convSpec({ groups: 3 })),
  conv('pointwise 1×1', [2, 5, 4, 3], [7, 5, 1, 1], {}, convSpec()),
  conv('pointwise 1×1 with groups', [1, 6, 3, 3], [4, 3, 1, 1], { groups: 2 }, convSpec({ groups: 2 })),
  conv('1×1 with stride 2', [1, 3, 5, 5], [2, 3, 1, 1], { stride: 2 }, convSpec({ stride: [2, 2] })),
  conv('kernel as large as the input', [2, 2, 3, 4], [3, 2, 3, 4], {}, convSpec()),
  conv('with bias', [2, 3, 5, 5], [4, 3, 3, 3], { padding: 1 }, convSpec({ padding: [1, 1, 1, 1] }), { bias: true }),
  conv(
    'MNIST-like [2,1,28,28] * [8,1,3,3] pad 1',
    [2, 1, 28, 28],
    [8, 1, 3, 3],
    { padding: 1 },
    convSpec({ padding: [1, 1, 1, 1] }),
  ),
  conv('many channels (long inner dim) [1,32,6,6] * [5,32,3,3]', [1, 32, 6, 6], [5, 32, 3, 3], {}, convSpec()),
  conv('batch of 1, one channel', [1, 1, 4, 4], [1, 1, 2, 2], {}, convSpec()),
  conv('empty batch', [0, 2, 5, 5], [3, 2, 3, 3], {}, convSpec()),
  conv('float64', [2, 2, 5, 4], [3, 2, 2, 3], { padding: 1 }, convSpec({ padding: [1, 1, 1, 1] }), {
    dtype: 'float64',
  }),
  conv('float64 with bias and groups', [1, 4, 4, 4], [2, 2, 3, 3], { groups: 2 }, convSpec({ groups: 2 }), {
    dtype: 'float64',
    bias: true,
  }),
  {
    name: 'unbatched [C,H,W] input',
    inputs: { x: { shape: [2, 5, 5] }, w: { shape: [3, 2, 3, 3] } },
    run: ({ x, w }) => conv2d(x!, w!, null, { padding: 1 }),
    reference: ({ x, w }) => {
      const y = conv2dRef(reshapeHost(x!, [1, 2, 5, 5]), w!, convSpec({ padding: [1, 1, 1, 1] }));
      return reshapeHost(y, [3, 5, 5]);
    },
    tolerance: sumTolerance(18),
  },
  {
    name: 'conv1d stride 2, padding 1, with bias',
    inputs: { x: { shape: [2, 3, 10] }, w: { shape: [4, 3, 3] }, bias: { shape: [4] } },
    run: ({ x, w, bias }) => conv1d(x!, w!, bias, { stride: 2, padding: 1 }),
    reference: ({ x, w, bias }) => {
      const y = conv2dRef(
        reshapeHost(x!, [2, 3, 1, 10]),
        reshapeHost(w!, [4, 3, 1, 3]),
        convSpec({ stride: [1, 2], padding: [0, 0, 1, 1] }),
        bias,
      );
      return reshapeHost(y, [2, 4, 5]);
    },
    tolerance: sumTolerance(9),
  },
  {
    name: "conv1d 'same', dilation 2, groups 2",
    inputs: { x: { shape: [1, 4, 9] }, w: { shape: [2, 2, 4] } },
    run: ({ x, w }) => conv1d(x!, w!, null, { padding: 'same', dilation: 2, groups: 2 }),
    reference: ({ x, w }) => {
      const y = conv2dRef(
        reshapeHost(x!, [1, 4, 1, 9]),
        reshapeHost(w!, [2, 2, 1, 4]),
        convSpec({ padding: [0, 0, 3, 3], dilation: [1, 2], groups: 2 }),
      );
      return reshapeHost(y, [1, 2, 9]);
    },
    tolerance: sumTolerance(8),
  },
];

const errors: ErrorCase[] = [
  {
    name: 'channels not divisible by groups',
    inputs: { x: { shape: [1, 3, 5, 5] }, w: { shape: [4, 1, 3, 3] } },
    run: ({ x, w }) => conv2d(x!, w!, null, { groups: 2 }),
    error: ShapeError,
  },
  {
    name: 'weight channels do not match the input',
    inputs: { x: { shape: [1, 3, 5, 5] }, w: { shape: [4, 2, 3, 3] } },
    run: ({ x, w }) => conv2d(x!, w!),
    error: ShapeError,
  },
  {
    name: 'kernel larger than the padded input',
    inputs: { x: { shape: [1, 1, 3, 3] }, w: { shape: [1, 1, 5, 5] } },
    run: ({ x, w }) => conv2d(x!, w!, null, { padding: [0, 1] }),
    error: ShapeError,
  },
  {
    name: 'bias of the wrong length',
    inputs: { x: { shape: [1, 1, 3, 3] }, w: { shape: [2, 1, 2, 2] }, bias: { shape: [3] } },
    run: ({ x, w, bias }) => conv2d(x!, w!, bias),
    error: ShapeError,
  },
  {
    name: 'input of rank 2',
    inputs: { x: { shape: [3, 3] }, w: { shape: [1, 1, 2, 2] } },
    run: ({ x, w }) => conv2d(x!, w!),
    error: ShapeError,
  },
  {
    name: "'same' with stride 2",
    inputs: { x: { shape: [1, 1, 4, 4] }, w: { shape: [1, 1, 3, 3] } },
    run: ({ x, w }) => conv2d(x!, w!, null, { padding: 'same', stride: 2 }),
    error: ArgumentError,
  },
  {
    name: 'negative padding',
    inputs: { x: { shape: [1, 1, 4, 4] }, w: { shape: [1, 1, 3, 3] } },
    run: ({ x, w }) => conv2d(x!, w!, null, { padding: -1 }),
    error: ArgumentError,
  },
  {
    name: 'int32 input',
    inputs: { x: { shape: [1, 1, 4, 4], dtype: 'int32' }, w: { shape: [1, 1, 3, 3] } },
    run: ({ x, w }) => conv2d(x!, w!),
    error: DTypeError,
  },
  {
    name: 'conv1d weight of rank 4',
    inputs: { x: { shape: [1, 1, 4] }, w: { shape: [1, 1, 1, 3] } },
    run: ({ x, w }) => conv1d(x!, w!),
    error: ShapeError,
  },
];

/** Cases of the `Conv2D` primitive (`conv2d`, `conv1d`). */
export const conv2DTable: CaseTable = { op: 'Conv2D', cases, errors };
