import { DTypeError, IndexError, indexSelect, ShapeError } from '@nn/tensor';
import type { CaseTable, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { b8, f32, f64, i32, idx, ints, picksAlong, refTake } from './ref.js';

function refIndexSelect(x: HostTensor, dim: number, index: HostTensor): HostTensor {
  if (x.shape.length === 0) return { shape: [], dtype: x.dtype, values: [x.values[0]!] };
  return refTake(x, picksAlong(x.shape, dim, Array.from(index.values)));
}

function selectCase(name: string, x: InputSpec, dim: number, index: InputSpec): OpCase {
  return {
    name,
    inputs: { x, index },
    run: ({ x: t, index: i }) => indexSelect(t!, dim, i!),
    reference: ({ x: h, index: i }) => refIndexSelect(h!, dim < 0 ? dim + h!.shape.length : dim, i!),
  };
}

/** `IndexSelect`, reached through indexSelect. */
export const indexSelectCases: CaseTable = {
  op: 'IndexSelect',
  cases: [
    selectCase('rows of [5,3], repeated and unordered', f32([5, 3]), 0, ints([6], [4, 0, 0, 2, 4, 1])),
    selectCase('columns of [3,6]', f32([3, 6]), 1, idx([4], 6)),
    selectCase('the middle dim of [2,5,30] (long slabs)', f32([2, 5, 30]), 1, idx([7], 5)),
    selectCase('the last dim (-1) of [2,3,4]', f32([2, 3, 4]), -1, ints([2], [3, 0])),
    selectCase('an empty index', f32([4, 2]), 0, ints([0], [])),
    selectCase('a size-0 dim kept', f32([0, 4]), 1, ints([2], [1, 3])),
    selectCase('a 0-d index keeps the dim', f32([4, 2]), 0, ints([], [3])),
    selectCase('a 0-d x', f32([]), 0, ints([1], [0])),
    selectCase('int32 x', i32([4, 3]), 0, idx([5], 4)),
    selectCase('bool x', b8([3, 4]), 1, idx([3], 4)),
    selectCase('float64 x', f64([6]), 0, idx([10], 6)),
  ],
  errors: [
    {
      name: 'an index past the end',
      inputs: { x: f32([4, 2]), index: ints([2], [1, 4]) },
      run: ({ x, index }) => indexSelect(x!, 0, index!),
      error: IndexError,
    },
    {
      name: 'a negative index',
      inputs: { x: f32([4, 2]), index: ints([1], [-1]) },
      run: ({ x, index }) => indexSelect(x!, 0, index!),
      error: IndexError,
    },
    {
      name: 'a float index',
      inputs: { x: f32([4, 2]), index: { shape: [1], values: [1] } },
      run: ({ x, index }) => indexSelect(x!, 0, index!),
      error: DTypeError,
    },
    {
      name: 'a 2-D index',
      inputs: { x: f32([4, 2]), index: ints([1, 1], [0]) },
      run: ({ x, index }) => indexSelect(x!, 0, index!),
      error: ShapeError,
    },
    {
      name: 'a dim out of range',
      inputs: { x: f32([4, 2]), index: ints([1], [0]) },
      run: ({ x, index }) => indexSelect(x!, 2, index!),
      error: IndexError,
    },
  ],
};
