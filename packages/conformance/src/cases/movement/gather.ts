import { DTypeError, gather, IndexError, ShapeError } from '@nn/tensor';
import type { CaseTable, InputSpec, OpCase } from '../../case-types.js';
import { b8, f32, f64, i32, idx, ints, refGather } from './ref.js';

function gatherCase(name: string, x: InputSpec, dim: number, index: InputSpec): OpCase {
  return {
    name,
    inputs: { x, index },
    run: ({ x: t, index: i }) => gather(t!, dim, i!),
    reference: ({ x: h, index: i }) => refGather(h!, dim < 0 ? dim + h!.shape.length : dim, i!),
  };
}

/** `Gather`, reached through gather. */
export const gatherCases: CaseTable = {
  op: 'Gather',
  cases: [
    gatherCase('dim 1 of [2,2]', f32([2, 2]), 1, ints([2, 2], [0, 0, 1, 0])),
    gatherCase('dim 0 of [4,3], index [6,3]', f32([4, 3]), 0, idx([6, 3], 4)),
    gatherCase('dim 1 of [3,5], index smaller on dim 0', f32([3, 5]), 1, idx([2, 7], 5)),
    gatherCase('dim -1 of [2,3,4], index [2,2,6]', f32([2, 3, 4]), -1, idx([2, 2, 6], 4)),
    gatherCase('dim 1 of [2,3,4], index [1,5,3]', f32([2, 3, 4]), 1, idx([1, 5, 3], 3)),
    gatherCase('1-D', f32([7]), 0, idx([9], 7)),
    gatherCase('a size-0 index', f32([3, 2]), 0, ints([0, 2], [])),
    gatherCase('0-d x and index', f32([]), 0, ints([], [0])),
    gatherCase('int32 x', i32([3, 4]), 1, idx([3, 4], 4)),
    gatherCase('bool x', b8([4, 3]), 0, idx([2, 3], 4)),
    gatherCase('float64 x', f64([5, 2]), 0, idx([5, 2], 5)),
  ],
  errors: [
    {
      name: 'an index past the end',
      inputs: { x: f32([2, 2]), index: ints([1, 2], [0, 2]) },
      run: ({ x, index }) => gather(x!, 1, index!),
      error: IndexError,
    },
    {
      name: 'a negative index',
      inputs: { x: f32([2, 2]), index: ints([1, 1], [-1]) },
      run: ({ x, index }) => gather(x!, 0, index!),
      error: IndexError,
    },
    {
      name: 'a float index',
      inputs: { x: f32([2, 2]), index: { shape: [2, 2], values: [0, 1, 0, 1] } },
      run: ({ x, index }) => gather(x!, 1, index!),
      error: DTypeError,
    },
    {
      name: 'an index of another rank',
      inputs: { x: f32([2, 2]), index: ints([2], [0, 1]) },
      run: ({ x, index }) => gather(x!, 1, index!),
      error: ShapeError,
    },
    {
      name: 'an index larger than x on another dim',
      inputs: { x: f32([2, 2]), index: ints([3, 1], [0, 0, 0]) },
      run: ({ x, index }) => gather(x!, 1, index!),
      error: ShapeError,
    },
  ],
};
