import { DTypeError, maxPool2dBackprop, ShapeError, type DType } from '@nn/tensor';
import type { MaxPool2dOptions } from '@nn/tensor';
import type { CaseTable, ErrorCase, OpCase } from '../../case-types.js';
import { maxPoolBackpropRef, poolOut, poolSpec, type PoolSpec } from './pool-reference.js';

function backprop(
  name: string,
  xShape: [number, number, number, number],
  kernel: number | [number, number],
  options: MaxPool2dOptions,
  spec: PoolSpec,
  extra: { dtype?: DType; values?: number[] } = {},
): OpCase {
  const dtype = extra.dtype ?? 'float32';
  const oh = poolOut(xShape[2], spec.kernel[0], spec.stride[0], spec.padding[0], spec.dilation[0], spec.ceilMode);
  const ow = poolOut(xShape[3], spec.kernel[1], spec.stride[1], spec.padding[1], spec.dilation[1], spec.ceilMode);
  return {
    name,
    inputs: {
      dy: { shape: [xShape[0], xShape[1], oh, ow], dtype },
      x: { shape: xShape, dtype, ...(extra.values === undefined ? {} : { values: extra.values }) },
    },
    run: ({ dy, x }) => maxPool2dBackprop(dy!, x!, kernel, options),
    reference: ({ dy, x }) => maxPoolBackpropRef(dy!, x!, spec),
  };
}

const cases: OpCase[] = [
  backprop('kernel 2, stride 2', [2, 3, 6, 6], 2, {}, poolSpec([2, 2])),
  backprop(
    'overlapping windows accumulate (kernel 3, stride 1, padding 1)',
    [1, 2, 5, 6],
    3,
    { stride: 1, padding: 1 },
    poolSpec([3, 3], { stride: [1, 1], padding: [1, 1] }),
  ),
  backprop('ties go to the first maximum', [1, 1, 4, 4], 2, { stride: 1 }, poolSpec([2, 2], { stride: [1, 1] }), {
    values: new Array<number>(16).fill(1),
  }),
  backprop('ties and NaN with kernel 2, stride 2', [1, 1, 4, 4], 2, {}, poolSpec([2, 2]), {
    values: [3, 3, 1, NaN, 3, 3, NaN, 2, 0, 0, -Infinity, -Infinity, 0, 1, -Infinity, -Infinity],
  }),
  backprop(
    'ties and NaN in overlapping windows',
    [1, 1, 4, 4],
    3,
    { stride: 1, padding: 1 },
    poolSpec([3, 3], { stride: [1, 1], padding: [1, 1] }),
    {
      values: [3, 3, 1, NaN, 3, 3, NaN, 2, 0, 0, -Infinity, -Infinity, 0, 1, -Infinity, -Infinity],
    },
  ),
  backprop(
    'ties in a padded window',
    [1, 1, 3, 3],
    3,
    { stride: 2, padding: 1 },
    poolSpec([3, 3], { stride: [2, 2], padding: [1, 1] }),
    { values: [5, 5, 1, 5, 5, 1, 2, 2, 2] },
  ),
  backprop(
    'rectangular kernel, stride [1,2]',
    [2, 1, 5, 7],
    [2, 3],
    { stride: [1, 2] },
    poolSpec([2, 3], { stride: [1, 2] }),
  ),
  backprop(
    'dilation 2 with padding',
    [1, 2, 8, 7],
    3,
    { stride: 2, padding: 1, dilation: 2 },
    poolSpec([3, 3], { stride: [2, 2], padding: [1, 1], dilation: [2, 2] }),
  ),
  backprop(
    'ceilMode',
    [1, 1, 7, 8],
    3,
    { stride: 2, ceilMode: true },
    poolSpec([3, 3], { stride: [2, 2], ceilMode: true }),
  ),
  backprop('empty batch', [0, 2, 4, 4], 2, {}, poolSpec([2, 2])),
  backprop('float64', [1, 2, 6, 5], 2, { stride: 1 }, poolSpec([2, 2], { stride: [1, 1] }), { dtype: 'float64' }),
];

const errors: ErrorCase[] = [
  {
    name: 'dy is not the pooled shape',
    inputs: { dy: { shape: [1, 1, 3, 3] }, x: { shape: [1, 1, 4, 4] } },
    run: ({ dy, x }) => maxPool2dBackprop(dy!, x!, 2),
    error: ShapeError,
  },
  {
    name: 'int32 dy',
    inputs: { dy: { shape: [1, 1, 2, 2], dtype: 'int32' }, x: { shape: [1, 1, 4, 4] } },
    run: ({ dy, x }) => maxPool2dBackprop(dy!, x!, 2),
    error: DTypeError,
  },
];

/** Cases of the `MaxPool2DBackprop` primitive. */
export const maxPool2DBackpropTable: CaseTable = { op: 'MaxPool2DBackprop', cases, errors };
