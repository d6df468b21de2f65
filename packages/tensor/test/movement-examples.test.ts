// The documented examples of the movement ops.
import { describe, expect, it } from 'vitest';
import {
  arange,
  broadcastTo,
  cat,
  chunk,
  concat,
  expand,
  flatten,
  flip,
  narrow,
  pad,
  permute,
  repeat,
  reshape,
  scalar,
  slice,
  split,
  squeeze,
  stack,
  tensor,
  tile,
  transpose,
  unsqueeze,
  zeros,
} from '../src/index.js';

describe('the documented examples', () => {
  it('reshape, flatten, squeeze, unsqueeze', () => {
    expect(reshape(arange(6), [2, 3]).toArray()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(reshape(arange(6), [-1, 2]).shape).toEqual([3, 2]);
    expect(reshape(tensor([7]), []).shape).toEqual([]);
    expect(flatten(zeros([2, 3, 4])).shape).toEqual([24]);
    expect(flatten(zeros([2, 3, 4]), 1).shape).toEqual([2, 12]);
    expect(flatten(zeros([2, 3, 4]), 0, 1).shape).toEqual([6, 4]);
    expect(squeeze(zeros([2, 1, 3, 1])).shape).toEqual([2, 3]);
    expect(squeeze(zeros([2, 1, 3, 1]), 1).shape).toEqual([2, 3, 1]);
    expect(squeeze(zeros([2, 1, 3, 1]), 0).shape).toEqual([2, 1, 3, 1]);
    expect(unsqueeze(zeros([2, 3]), 0).shape).toEqual([1, 2, 3]);
    expect(unsqueeze(zeros([2, 3]), -1).shape).toEqual([2, 3, 1]);
  });

  it('transpose, permute, expand, broadcastTo', () => {
    expect(
      transpose(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        0,
        1,
      ).toArray(),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(transpose(zeros([2, 3, 4]), -1, 0).shape).toEqual([4, 3, 2]);
    expect(permute(zeros([2, 3, 4]), [2, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(
      permute(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [1, 0],
      ).toArray(),
    ).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(expand(tensor([[1], [2]]), [2, 3]).toArray()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
    expect(expand(tensor([[1], [2]]), [-1, 2]).toArray()).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(expand(tensor([1, 2]), [2, 2]).toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(broadcastTo(tensor([1, 2, 3]), [2, 3]).toArray()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(broadcastTo(scalar(5), [2]).toArray()).toEqual([5, 5]);
  });

  it('slice, narrow, flip', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(slice(x, [null, [1]]).toArray()).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(slice(x, [1]).toArray()).toEqual([4, 5, 6]);
    expect(slice(x, [[null, null, -1], -1]).toArray()).toEqual([6, 3]);
    expect(slice(x, [null, [-2, 10]]).toArray()).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(narrow(arange(5), 0, 1, 3).toArray()).toEqual([1, 2, 3]);
    expect(narrow(arange(5), 0, -2, 2).toArray()).toEqual([3, 4]);
    expect(
      flip(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        1,
      ).toArray(),
    ).toEqual([
      [2, 1],
      [4, 3],
    ]);
    expect(
      flip(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [0, 1],
      ).toArray(),
    ).toEqual([
      [4, 3],
      [2, 1],
    ]);
  });

  it('concat, cat, stack, split, chunk', () => {
    expect(concat([tensor([[1, 2]]), tensor([[3, 4]])]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(concat([tensor([[1, 2]]), tensor([[3]])], 1).toArray()).toEqual([[1, 2, 3]]);
    expect(concat([tensor([1], { dtype: 'int32' }), tensor([0.5])]).dtype).toBe('float32');
    expect(cat([tensor([1, 2]), tensor([3])]).toArray()).toEqual([1, 2, 3]);
    expect(stack([tensor([1, 2]), tensor([3, 4])]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(stack([scalar(1), scalar(2)]).shape).toEqual([2]);
    expect(split(arange(5), 2).map((t) => t.toArray())).toEqual([[0, 1], [2, 3], [4]]);
    expect(split(arange(5), [1, 4]).map((t) => t.shape)).toEqual([[1], [4]]);
    expect(chunk(arange(5), 2).map((t) => t.toArray())).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(chunk(arange(6), 4).length).toBe(3);
  });

  it('pad, tile, repeat', () => {
    expect(pad(tensor([1, 2]), [1, 2]).toArray()).toEqual([0, 1, 2, 0, 0]);
    expect(pad(tensor([[1, 2]]), [0, 0, 1, 0], { value: 9 }).toArray()).toEqual([
      [9, 9],
      [1, 2],
    ]);
    expect(pad(tensor([1, 2, 3]), [2, 1], { mode: 'reflect' }).toArray()).toEqual([3, 2, 1, 2, 3, 2]);
    expect(pad(tensor([1, 2]), [2, 1], { mode: 'replicate' }).toArray()).toEqual([1, 1, 1, 2, 2]);
    expect(tile(tensor([1, 2]), [2]).toArray()).toEqual([1, 2, 1, 2]);
    expect(tile(tensor([1, 2]), [2, 1]).toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(tile(tensor([[1], [2]]), [2]).toArray()).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(repeat(tensor([1, 2]), [2]).toArray()).toEqual([1, 2, 1, 2]);
    expect(repeat(tensor([1, 2]), [2, 2]).toArray()).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
    expect(repeat(tensor([[1, 2]]), [1, 2, 1]).shape).toEqual([1, 2, 2]);
  });
});
