import { ArgumentError, chunk, flip, IndexError, narrow, ShapeError, slice, split, type SliceRange } from '@nn/tensor';
import type { CaseTable, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { b8, f32, f64, i32, picksAlong, pyIndices, refTake } from './ref.js';

/** Reference of `slice(x, ranges)` by Python semantics, position lists per dim. */
function refSlice(x: HostTensor, ranges: readonly SliceRange[]): HostTensor {
  const drop: number[] = [];
  const picks = x.shape.map((n, d) => {
    const r = ranges[d];
    if (r === undefined || r === null) return pyIndices(n, null, null);
    if (typeof r === 'number') {
      drop.push(d);
      return [r < 0 ? r + n : r];
    }
    return pyIndices(n, r[0] ?? null, r[1] ?? null, r[2] ?? 1);
  });
  return refTake(x, picks, drop);
}

function sliceCase(name: string, x: InputSpec, ranges: readonly SliceRange[]): OpCase {
  return { name, inputs: { x }, run: ({ x: t }) => slice(t!, ranges), reference: ({ x: h }) => refSlice(h!, ranges) };
}

const reversed = (n: number): number[] => Array.from({ length: n }, (_, i) => n - 1 - i);
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** `Slice`, reached through slice, narrow, flip, split and chunk. */
export const sliceCases: CaseTable = {
  op: 'Slice',
  cases: [
    sliceCase('slice [5,6] rows 1:4, every other column', f32([5, 6]), [
      [1, 4],
      [null, null, 2],
    ]),
    sliceCase('negative steps', f32([5, 6]), [
      [null, null, -1],
      [4, 0, -2],
    ]),
    sliceCase('bounds clamp', f32([5, 6]), [
      [-10, 10],
      [2, 100],
    ]),
    sliceCase('negative bounds count from the end', f32([5, 6]), [
      [-3, -1],
      [-5, null, 3],
    ]),
    sliceCase('integer selection drops the dim', f32([4, 5]), [1, [null, null, -1]]),
    sliceCase('negative integer selection', f32([4, 5, 3]), [null, -1]),
    sliceCase('start past end gives size 0', f32([5, 3]), [[3, 1]]),
    sliceCase('negative step with end -1 (= the last position) is empty', f32([5]), [[null, -1, -1]]),
    sliceCase('step -3 from the end', f32([10]), [[-1, null, -3]]),
    sliceCase('negative step with clamped start', f32([6]), [[100, 1, -2]]),
    sliceCase('size-0 input', f32([0, 3]), [[null, null, -1], [1]]),
    sliceCase('trailing dims kept', f32([4, 3, 2]), [[1, 3]]),
    sliceCase('long contiguous rows', f32([4, 50]), [
      [1, 3],
      [2, 40],
    ]),
    sliceCase('int32', i32([6, 4]), [
      [null, null, -2],
      [1, null],
    ]),
    sliceCase('bool', b8([3, 7]), [[1], [6, 0, -3]]),
    sliceCase('float64', f64([2, 3, 4]), [null, 2, [null, null, -1]]),
    sliceCase('a scalar with no ranges', f32([]), []),
    sliceCase('every entry selected gives a scalar', f32([2, 3]), [1, 2]),
    {
      name: 'flip dims 0 and 2 of [3,4,5]',
      inputs: { x: f32([3, 4, 5]) },
      run: ({ x }) => flip(x!, [0, -1]),
      reference: ({ x }) => refTake(x!, [reversed(3), range(0, 4), reversed(5)]),
    },
    {
      name: 'flip int32 [7]',
      inputs: { x: i32([7]) },
      run: ({ x }) => flip(x!, 0),
      reference: ({ x }) => refTake(x!, [reversed(7)]),
    },
    {
      name: 'flip size-0 [0,2]',
      inputs: { x: f32([0, 2]) },
      run: ({ x }) => flip(x!, [0, 1]),
      reference: ({ x }) => refTake(x!, [[], reversed(2)]),
    },
    {
      name: 'flip a scalar',
      inputs: { x: f32([]) },
      run: ({ x }) => flip(x!, 0),
      reference: ({ x }) => refTake(x!, []),
    },
    {
      name: 'narrow dim 1 from -3, length 2',
      inputs: { x: f32([3, 5]) },
      run: ({ x }) => narrow(x!, 1, -3, 2),
      reference: ({ x }) => refTake(x!, picksAlong([3, 5], 1, [2, 3])),
    },
    {
      name: 'split by size 2 along dim 1: middle piece',
      inputs: { x: f32([3, 5]) },
      run: ({ x }) => split(x!, 2, 1)[1]!,
      reference: ({ x }) => refTake(x!, picksAlong([3, 5], 1, [2, 3])),
    },
    {
      name: 'split by size 2 along dim 1: short last piece',
      inputs: { x: i32([3, 5]) },
      run: ({ x }) => split(x!, 2, -1)[2]!,
      reference: ({ x }) => refTake(x!, picksAlong([3, 5], 1, [4])),
    },
    {
      name: 'split by sections [1,3,0]',
      inputs: { x: f32([4, 2]) },
      run: ({ x }) => split(x!, [1, 3, 0])[1]!,
      reference: ({ x }) => refTake(x!, picksAlong([4, 2], 0, [1, 2, 3])),
    },
    {
      name: 'split by sections: an empty piece',
      inputs: { x: f32([4, 2]) },
      run: ({ x }) => split(x!, [1, 3, 0])[2]!,
      reference: ({ x }) => refTake(x!, picksAlong([4, 2], 0, [])),
    },
    {
      name: 'chunk [2,7] into 3 along the last dim: last chunk',
      inputs: { x: b8([2, 7]) },
      run: ({ x }) => chunk(x!, 3, -1)[2]!,
      reference: ({ x }) => refTake(x!, picksAlong([2, 7], 1, [6])),
    },
    {
      name: 'chunk 6 into 4 gives 3 chunks of 2',
      inputs: { x: f64([6]) },
      run: ({ x }) => {
        const parts = chunk(x!, 4);
        if (parts.length !== 3) throw new Error(`expected 3 chunks, got ${parts.length}`);
        return parts[2]!;
      },
      reference: ({ x }) => refTake(x!, [[4, 5]]),
    },
    {
      name: 'chunk an empty dim gives empty chunks',
      inputs: { x: f32([0, 3]) },
      run: ({ x }) => {
        const parts = chunk(x!, 3);
        if (parts.length !== 3) throw new Error(`expected 3 chunks, got ${parts.length}`);
        return parts[1]!;
      },
      reference: ({ x }) => refTake(x!, [[], [0, 1, 2]]),
    },
  ],
  errors: [
    {
      name: 'slice with step 0',
      inputs: { x: f32([4]) },
      run: ({ x }) => slice(x!, [[0, 4, 0]]),
      error: ArgumentError,
    },
    {
      name: 'slice a position out of range',
      inputs: { x: f32([4, 2]) },
      run: ({ x }) => slice(x!, [4]),
      error: IndexError,
    },
    {
      name: 'slice a negative position out of range',
      inputs: { x: f32([4, 2]) },
      run: ({ x }) => slice(x!, [null, -3]),
      error: IndexError,
    },
    {
      name: 'slice with more ranges than dims',
      inputs: { x: f32([4]) },
      run: ({ x }) => slice(x!, [null, null]),
      error: IndexError,
    },
    {
      name: 'slice with a fractional bound',
      inputs: { x: f32([4]) },
      run: ({ x }) => slice(x!, [[0.5, 2]]),
      error: ArgumentError,
    },
    { name: 'narrow past the end', inputs: { x: f32([3, 5]) }, run: ({ x }) => narrow(x!, 1, 3, 3), error: IndexError },
    { name: 'narrow a 0-d tensor', inputs: { x: f32([]) }, run: ({ x }) => narrow(x!, 0, 0, 1), error: ShapeError },
    {
      name: 'split sections not summing to the dim',
      inputs: { x: f32([4]) },
      run: ({ x }) => split(x!, [1, 2]),
      error: ShapeError,
    },
    { name: 'split size 0', inputs: { x: f32([4]) }, run: ({ x }) => split(x!, 0), error: ArgumentError },
    { name: 'chunk into 0 pieces', inputs: { x: f32([4]) }, run: ({ x }) => chunk(x!, 0), error: ArgumentError },
    {
      name: 'flip a repeated dim',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => flip(x!, [1, -1]),
      error: ArgumentError,
    },
  ],
};
