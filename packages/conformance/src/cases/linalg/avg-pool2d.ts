import { adaptiveAvgPool2d, ArgumentError, avgPool2d, DTypeError, ShapeError, type DType } from '@nn/tensor';
import type { AvgPool2dOptions } from '@nn/tensor';
import type { CaseTable, ErrorCase, OpCase } from '../../case-types.js';
import { adaptiveAvgPoolRef, avgPoolRef, poolSpec, type PoolSpec } from './pool-reference.js';
import { reshapeHost } from './reference.js';

function pool(
  name: string,
  xShape: number[],
  kernel: number | [number, number],
  options: AvgPool2dOptions,
  spec: PoolSpec,
  dtype: DType = 'float32',
): OpCase {
  return {
    name,
    inputs: { x: { shape: xShape, dtype } },
    run: ({ x }) => avgPool2d(x!, kernel, options),
    reference: ({ x }) => avgPoolRef(x!, spec, options.countIncludePad ?? true),
  };
}

function adaptive(
  name: string,
  xShape: [number, number, number, number],
  out: [number, number],
  dtype: DType = 'float32',
): OpCase {
  return {
    name,
    inputs: { x: { shape: xShape, dtype } },
    run: ({ x }) => adaptiveAvgPool2d(x!, out),
    reference: ({ x }) => adaptiveAvgPoolRef(x!, out[0], out[1]),
  };
}

const pad1 = { stride: [2, 2], padding: [1, 1] } as const;

const cases: OpCase[] = [
  pool('kernel 2, stride 2', [2, 3, 6, 8], 2, {}, poolSpec([2, 2])),
  pool(
    'kernel 3, stride 2, padding 1, counting padding',
    [1, 2, 7, 6],
    3,
    { stride: 2, padding: 1 },
    poolSpec([3, 3], pad1),
  ),
  pool(
    'kernel 3, stride 2, padding 1, not counting padding',
    [1, 2, 7, 6],
    3,
    { stride: 2, padding: 1, countIncludePad: false },
    poolSpec([3, 3], pad1),
  ),
  pool(
    'ceilMode, counting padding (divisor clipped to the padded input)',
    [1, 1, 6, 6],
    3,
    { stride: 2, padding: 1, ceilMode: true },
    poolSpec([3, 3], { ...pad1, ceilMode: true }),
  ),
  pool(
    'ceilMode, not counting padding',
    [1, 1, 6, 6],
    3,
    { stride: 2, padding: 1, ceilMode: true, countIncludePad: false },
    poolSpec([3, 3], { ...pad1, ceilMode: true }),
  ),
  pool(
    'ceilMode without padding: partial last window',
    [1, 2, 5, 7],
    2,
    { ceilMode: true },
    poolSpec([2, 2], { ceilMode: true }),
  ),
  pool(
    'rectangular kernel, stride [1,2], padding [1,0]',
    [2, 1, 5, 7],
    [3, 2],
    { stride: [1, 2], padding: [1, 0] },
    poolSpec([3, 2], { stride: [1, 2], padding: [1, 0] }),
  ),
  pool('overlapping windows', [1, 2, 5, 5], 3, { stride: 1 }, poolSpec([3, 3], { stride: [1, 1] })),
  pool('empty batch', [0, 2, 4, 4], 2, {}, poolSpec([2, 2])),
  pool(
    'float64',
    [1, 2, 5, 5],
    3,
    { stride: 2, padding: 1, countIncludePad: false },
    poolSpec([3, 3], pad1),
    'float64',
  ),
  {
    name: 'unbatched [C,H,W] input',
    inputs: { x: { shape: [3, 4, 4] } },
    run: ({ x }) => avgPool2d(x!, 2),
    reference: ({ x }) => reshapeHost(avgPoolRef(reshapeHost(x!, [1, 3, 4, 4]), poolSpec([2, 2]), true), [3, 2, 2]),
  },
  adaptive('adaptiveAvgPool2d, divisible sizes (7×7 → 1×1)', [2, 3, 7, 7], [1, 1]),
  adaptive('adaptiveAvgPool2d, divisible sizes (6×8 → 3×2)', [1, 2, 6, 8], [3, 2]),
  adaptive('adaptiveAvgPool2d, uneven windows (7×5 → 3×4)', [2, 2, 7, 5], [3, 4]),
  adaptive('adaptiveAvgPool2d, output larger than input (3×3 → 5×4)', [1, 1, 3, 3], [5, 4]),
  adaptive('adaptiveAvgPool2d float64 uneven', [1, 2, 5, 5], [3, 3], 'float64'),
];

const errors: ErrorCase[] = [
  {
    name: 'int32 input',
    inputs: { x: { shape: [1, 1, 4, 4], dtype: 'int32' } },
    run: ({ x }) => avgPool2d(x!, 2),
    error: DTypeError,
  },
  {
    name: 'padding over half the kernel',
    inputs: { x: { shape: [1, 1, 6, 6] } },
    run: ({ x }) => avgPool2d(x!, 3, { padding: 2 }),
    error: ArgumentError,
  },
  {
    name: 'kernel larger than the input',
    inputs: { x: { shape: [1, 1, 2, 5] } },
    run: ({ x }) => avgPool2d(x!, 3),
    error: ShapeError,
  },
  {
    name: 'countIncludePad not a boolean',
    inputs: { x: { shape: [1, 1, 4, 4] } },
    run: ({ x }) => avgPool2d(x!, 2, { countIncludePad: 1 as unknown as boolean }),
    error: ArgumentError,
  },
  {
    name: 'adaptiveAvgPool2d output size 0',
    inputs: { x: { shape: [1, 1, 4, 4] } },
    run: ({ x }) => adaptiveAvgPool2d(x!, 0),
    error: ArgumentError,
  },
  {
    name: 'adaptiveAvgPool2d rank 5',
    inputs: { x: { shape: [1, 1, 1, 4, 4] } },
    run: ({ x }) => adaptiveAvgPool2d(x!, 2),
    error: ShapeError,
  },
];

/** Cases of the `AvgPool2D` primitive (`avgPool2d`, `adaptiveAvgPool2d`). */
export const avgPool2DTable: CaseTable = { op: 'AvgPool2D', cases, errors };
