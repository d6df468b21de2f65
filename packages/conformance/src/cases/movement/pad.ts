import { ArgumentError, pad, ShapeError } from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import { b8, f32, f64, i32, refPadConstant, refPadEdge } from './ref.js';

/** `Pad`, reached through pad (constant mode; reflect and replicate are composites checked here too). */
export const padCases: CaseTable = {
  op: 'Pad',
  cases: [
    {
      name: 'pad [5] by [1,2]',
      inputs: { x: f32([5]) },
      run: ({ x }) => pad(x!, [1, 2]),
      reference: ({ x }) => refPadConstant(x!, [[1, 2]], 0),
    },
    {
      name: 'pad the last two dims of [2,3,4] with 1.5',
      inputs: { x: f32([2, 3, 4]) },
      run: ({ x }) => pad(x!, [1, 0, 2, 1], { value: 1.5 }),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [0, 0],
            [2, 1],
            [1, 0],
          ],
          1.5,
        ),
    },
    {
      name: 'pad only the last dim of [2,3,30]',
      inputs: { x: f32([2, 3, 30]) },
      run: ({ x }) => pad(x!, [3, 4]),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [0, 0],
            [0, 0],
            [3, 4],
          ],
          0,
        ),
    },
    {
      name: 'pad every dim of [2,2,2] with -inf',
      inputs: { x: f32([2, 2, 2]) },
      run: ({ x }) => pad(x!, [1, 1, 1, 1, 1, 1], { value: -Infinity }),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [1, 1],
            [1, 1],
            [1, 1],
          ],
          -Infinity,
        ),
    },
    {
      name: 'pad with NaN',
      inputs: { x: f32([2]) },
      run: ({ x }) => pad(x!, [1, 0], { value: NaN }),
      reference: ({ x }) => refPadConstant(x!, [[1, 0]], NaN),
    },
    {
      name: 'pad int32 with 7',
      inputs: { x: i32([2, 3]) },
      run: ({ x }) => pad(x!, [0, 1, 1, 0], { value: 7 }),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [1, 0],
            [0, 1],
          ],
          7,
        ),
    },
    {
      name: 'pad bool with true',
      inputs: { x: b8([3, 2]) },
      run: ({ x }) => pad(x!, [2, 0], { value: 1 }),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [0, 0],
            [2, 0],
          ],
          1,
        ),
    },
    {
      name: 'pad float64',
      inputs: { x: f64([2, 2]) },
      run: ({ x }) => pad(x!, [1, 1, 1, 1], { value: 0.1 }),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [1, 1],
            [1, 1],
          ],
          0.1,
        ),
    },
    {
      name: 'pad a size-0 tensor',
      inputs: { x: f32([0, 2]) },
      run: ({ x }) => pad(x!, [1, 1, 2, 0], { value: 3 }),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [2, 0],
            [1, 1],
          ],
          3,
        ),
    },
    {
      name: 'pad a scalar with nothing',
      inputs: { x: f32([]) },
      run: ({ x }) => pad(x!, []),
      reference: ({ x }) => refPadConstant(x!, [], 0),
    },
    {
      name: 'negative padding crops',
      inputs: { x: f32([4, 5]) },
      run: ({ x }) => pad(x!, [-1, 2, 1, -2]),
      reference: ({ x }) =>
        refPadConstant(
          x!,
          [
            [1, -2],
            [-1, 2],
          ],
          0,
        ),
    },
    {
      name: 'reflect the last two dims of [2,4,5]',
      inputs: { x: f32([2, 4, 5]) },
      run: ({ x }) => pad(x!, [2, 4, 3, 1], { mode: 'reflect' }),
      reference: ({ x }) =>
        refPadEdge(
          x!,
          [
            [0, 0],
            [3, 1],
            [2, 4],
          ],
          'reflect',
        ),
    },
    {
      name: 'reflect int32 [3]',
      inputs: { x: i32([3]) },
      run: ({ x }) => pad(x!, [2, 2], { mode: 'reflect' }),
      reference: ({ x }) => refPadEdge(x!, [[2, 2]], 'reflect'),
    },
    {
      name: 'replicate the last three dims of [1,2,3,2]',
      inputs: { x: f64([1, 2, 3, 2]) },
      run: ({ x }) => pad(x!, [1, 2, 0, 3, 2, 1], { mode: 'replicate' }),
      reference: ({ x }) =>
        refPadEdge(
          x!,
          [
            [0, 0],
            [2, 1],
            [0, 3],
            [1, 2],
          ],
          'replicate',
        ),
    },
    {
      name: 'replicate bool [2,1]',
      inputs: { x: b8([2, 1]) },
      run: ({ x }) => pad(x!, [2, 1], { mode: 'replicate' }),
      reference: ({ x }) =>
        refPadEdge(
          x!,
          [
            [0, 0],
            [2, 1],
          ],
          'replicate',
        ),
    },
  ],
  errors: [
    { name: 'an odd number of amounts', inputs: { x: f32([3]) }, run: ({ x }) => pad(x!, [1]), error: ArgumentError },
    {
      name: 'more amounts than dims',
      inputs: { x: f32([3]) },
      run: ({ x }) => pad(x!, [1, 1, 1, 1]),
      error: ArgumentError,
    },
    {
      name: 'reflect by the whole dim',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => pad(x!, [3, 0], { mode: 'reflect' }),
      error: ShapeError,
    },
    { name: 'crop more than the dim', inputs: { x: f32([3]) }, run: ({ x }) => pad(x!, [-2, -2]), error: ShapeError },
    {
      name: 'an unknown mode',
      inputs: { x: f32([3]) },
      run: ({ x }) => pad(x!, [1, 1], { mode: 'circular' as never }),
      error: ArgumentError,
    },
  ],
};
