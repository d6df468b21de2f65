import { ArgumentError, DTypeError, maxPool2d, ShapeError, type DType } from '@nn/tensor';
import type { MaxPool2dOptions } from '@nn/tensor';
import type { CaseTable, ErrorCase, OpCase } from '../../case-types.js';
import { maxPoolRef, poolSpec, type PoolSpec } from './pool-reference.js';
import { reshapeHost } from './reference.js';

function pool(
  name: string,
  xShape: number[],
  kernel: number | [number, number],
  options: MaxPool2dOptions,
  spec: PoolSpec,
  dtype: DType = 'float32',
): OpCase {
  return {
    name,
    inputs: { x: { shape: xShape, dtype } },
    run: ({ x }) => maxPool2d(x!, kernel, options),
    reference: ({ x }) => maxPoolRef(x!, spec).out,
  };
}

const NAN_INF = [1, NaN, 3, -Infinity, -Infinity, -Infinity, -Infinity, 2, 5, 6, Infinity, 0, 7, -1, NaN, 4];

const cases: OpCase[] = [
  pool('kernel 2, stride 2', [2, 3, 8, 8], 2, {}, poolSpec([2, 2])),
  pool(
    'kernel 3, stride 2, padding 1, odd sizes',
    [1, 2, 7, 9],
    3,
    { stride: 2, padding: 1 },
    poolSpec([3, 3], { stride: [2, 2], padding: [1, 1] }),
  ),
  pool('overlapping windows, stride 1', [1, 2, 5, 6], [2, 3], { stride: 1 }, poolSpec([2, 3], { stride: [1, 1] })),
  pool(
    'rectangular kernel [2,3], stride [1,2], padding [1,0]',
    [2, 1, 6, 7],
    [2, 3],
    { stride: [1, 2], padding: [1, 0] },
    poolSpec([2, 3], { stride: [1, 2], padding: [1, 0] }),
  ),
  pool(
    'ceilMode keeps a partial last window',
    [1, 1, 7, 7],
    3,
    { stride: 2, ceilMode: true },
    poolSpec([3, 3], { stride: [2, 2], ceilMode: true }),
  ),
  pool(
    'ceilMode drops a window starting in the padding',
    [1, 1, 5, 5],
    2,
    { stride: 4, padding: 1, ceilMode: true },
    poolSpec([2, 2], { stride: [4, 4], padding: [1, 1], ceilMode: true }),
  ),
  pool(
    'dilation 2 with padding',
    [1, 2, 9, 8],
    3,
    { stride: 1, padding: 1, dilation: 2 },
    poolSpec([3, 3], { stride: [1, 1], padding: [1, 1], dilation: [2, 2] }),
  ),
  pool(
    'dilation [1,2], ceilMode',
    [1, 1, 8, 9],
    2,
    { stride: 2, dilation: [1, 2], ceilMode: true },
    poolSpec([2, 2], { stride: [2, 2], dilation: [1, 2], ceilMode: true }),
  ),
  pool('kernel as large as the input', [2, 2, 3, 4], [3, 4], {}, poolSpec([3, 4])),
  pool('1×1 kernel', [1, 2, 3, 3], 1, {}, poolSpec([1, 1])),
  pool('empty batch', [0, 3, 4, 4], 2, {}, poolSpec([2, 2])),
  pool(
    'float64',
    [1, 2, 6, 6],
    3,
    { stride: 2, padding: 1 },
    poolSpec([3, 3], { stride: [2, 2], padding: [1, 1] }),
    'float64',
  ),
  pool('int32', [1, 2, 6, 5], 2, { stride: 1 }, poolSpec([2, 2], { stride: [1, 1] }), 'int32'),
  {
    name: 'NaN propagates, infinities compare',
    inputs: { x: { shape: [1, 1, 4, 4], values: NAN_INF } },
    run: ({ x }) => maxPool2d(x!, 2),
    reference: ({ x }) => maxPoolRef(x!, poolSpec([2, 2])).out,
  },
  {
    name: 'unbatched [C,H,W] input',
    inputs: { x: { shape: [2, 5, 5] } },
    run: ({ x }) => maxPool2d(x!, 2, { stride: 1 }),
    reference: ({ x }) =>
      reshapeHost(maxPoolRef(reshapeHost(x!, [1, 2, 5, 5]), poolSpec([2, 2], { stride: [1, 1] })).out, [2, 4, 4]),
  },
];

const errors: ErrorCase[] = [
  {
    name: 'padding over half the kernel',
    inputs: { x: { shape: [1, 1, 6, 6] } },
    run: ({ x }) => maxPool2d(x!, 2, { padding: 2 }),
    error: ArgumentError,
  },
  {
    name: 'kernel larger than the input',
    inputs: { x: { shape: [1, 1, 2, 2] } },
    run: ({ x }) => maxPool2d(x!, 3),
    error: ShapeError,
  },
  {
    name: 'kernel size 0',
    inputs: { x: { shape: [1, 1, 4, 4] } },
    run: ({ x }) => maxPool2d(x!, 0),
    error: ArgumentError,
  },
  { name: 'input of rank 2', inputs: { x: { shape: [4, 4] } }, run: ({ x }) => maxPool2d(x!, 2), error: ShapeError },
  {
    name: 'bool input',
    inputs: { x: { shape: [1, 1, 4, 4], dtype: 'bool' } },
    run: ({ x }) => maxPool2d(x!, 2),
    error: DTypeError,
  },
  {
    name: 'unknown option',
    inputs: { x: { shape: [1, 1, 4, 4] } },
    run: ({ x }) => maxPool2d(x!, 2, { pad: 1 } as unknown as MaxPool2dOptions),
    error: ArgumentError,
  },
];

/** Cases of the `MaxPool2D` primitive. */
export const maxPool2DTable: CaseTable = { op: 'MaxPool2D', cases, errors };
