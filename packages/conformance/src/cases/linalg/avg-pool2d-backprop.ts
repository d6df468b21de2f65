import { avgPool2dBackprop, DTypeError, ShapeError, type DType } from '@nn/tensor';
import type { AvgPool2dOptions } from '@nn/tensor';
import type { CaseTable, ErrorCase, OpCase } from '../../case-types.js';
import { avgPoolBackpropRef, poolOut, poolSpec, type PoolSpec } from './pool-reference.js';

type Shape4 = [number, number, number, number];

function backprop(
  name: string,
  inputShape: Shape4,
  kernel: number | [number, number],
  options: AvgPool2dOptions,
  spec: PoolSpec,
  dtype: DType = 'float32',
): OpCase {
  const oh = poolOut(inputShape[2], spec.kernel[0], spec.stride[0], spec.padding[0], 1, spec.ceilMode);
  const ow = poolOut(inputShape[3], spec.kernel[1], spec.stride[1], spec.padding[1], 1, spec.ceilMode);
  return {
    name,
    inputs: { dy: { shape: [inputShape[0], inputShape[1], oh, ow], dtype } },
    run: ({ dy }) => avgPool2dBackprop(dy!, inputShape, kernel, options),
    reference: ({ dy }) => avgPoolBackpropRef(dy!, inputShape, spec, options.countIncludePad ?? true),
  };
}

const pad1 = { stride: [2, 2], padding: [1, 1] } as const;

const cases: OpCase[] = [
  backprop('kernel 2, stride 2', [2, 3, 6, 8], 2, {}, poolSpec([2, 2])),
  backprop('overlapping windows accumulate', [1, 2, 5, 5], 3, { stride: 1 }, poolSpec([3, 3], { stride: [1, 1] })),
  backprop('padding 1, counting padding', [1, 2, 7, 6], 3, { stride: 2, padding: 1 }, poolSpec([3, 3], pad1)),
  backprop(
    'padding 1, not counting padding',
    [1, 2, 7, 6],
    3,
    { stride: 2, padding: 1, countIncludePad: false },
    poolSpec([3, 3], pad1),
  ),
  backprop(
    'ceilMode with padding',
    [1, 1, 6, 6],
    3,
    { stride: 2, padding: 1, ceilMode: true },
    poolSpec([3, 3], { ...pad1, ceilMode: true }),
  ),
  backprop(
    'ceilMode, not counting padding',
    [1, 1, 6, 7],
    3,
    { stride: 2, padding: 1, ceilMode: true, countIncludePad: false },
    poolSpec([3, 3], { ...pad1, ceilMode: true }),
  ),
  backprop(
    'rectangular kernel, stride [1,2], padding [1,0]',
    [2, 1, 5, 7],
    [3, 2],
    { stride: [1, 2], padding: [1, 0] },
    poolSpec([3, 2], { stride: [1, 2], padding: [1, 0] }),
  ),
  backprop('empty batch', [0, 2, 4, 4], 2, {}, poolSpec([2, 2])),
  backprop('float64', [1, 2, 5, 5], 3, { stride: 2, padding: 1 }, poolSpec([3, 3], pad1), 'float64'),
];

const errors: ErrorCase[] = [
  {
    name: 'dy is not the pooled shape',
    inputs: { dy: { shape: [1, 1, 3, 3] } },
    run: ({ dy }) => avgPool2dBackprop(dy!, [1, 1, 4, 4], 2),
    error: ShapeError,
  },
  {
    name: 'int32 dy',
    inputs: { dy: { shape: [1, 1, 2, 2], dtype: 'int32' } },
    run: ({ dy }) => avgPool2dBackprop(dy!, [1, 1, 4, 4], 2),
    error: DTypeError,
  },
];

/** Cases of the `AvgPool2DBackprop` primitive. */
export const avgPool2DBackpropTable: CaseTable = { op: 'AvgPool2DBackprop', cases, errors };
