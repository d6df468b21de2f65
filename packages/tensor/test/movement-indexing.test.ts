import { describe, expect, it } from 'vitest';
import {
  DTypeError,
  gather,
  getBackend,
  IndexError,
  indexSelect,
  maskedFill,
  onOp,
  oneHot,
  scalar,
  scatterAdd,
  ShapeError,
  tensor,
  tidy,
  zeros,
  ArgumentError,
} from '../src/index.js';

const int = (data: number[] | number[][] | number) => tensor(data, { dtype: 'int32' });

describe('the documented examples', () => {
  it('gather, indexSelect, scatterAdd, oneHot, maskedFill', () => {
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(
      gather(
        x,
        1,
        int([
          [0, 0],
          [1, 0],
        ]),
      ).toArray(),
    ).toEqual([
      [1, 1],
      [4, 3],
    ]);
    expect(gather(x, 0, int([[1, 0]])).toArray()).toEqual([[3, 2]]);
    const y = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(indexSelect(y, 0, int([2, 0])).toArray()).toEqual([
      [5, 6],
      [1, 2],
    ]);
    expect(indexSelect(y, 1, int([1])).toArray()).toEqual([[2], [4], [6]]);
    expect(scatterAdd(zeros([2]), 0, int([0, 1, 0]), tensor([1, 2, 3])).toArray()).toEqual([4, 2]);
    expect(oneHot(int([0, 2]), 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(oneHot(int(1), 2, { dtype: 'bool' }).toArray()).toEqual([false, true]);
    expect(maskedFill(x, tensor([true, false]), 0).toArray()).toEqual([
      [0, 2],
      [0, 4],
    ]);
  });
});

describe('index range checks in the kernels', () => {
  it('name the primitive, the value and the valid range', () => {
    expect(() => gather(zeros([2, 3]), 1, int([[0, 3]]))).toThrow(IndexError);
    expect(() => gather(zeros([2, 3]), 1, int([[0, 3]]))).toThrow(
      /Gather\(indices\): expected index values in \[0, 2\] for dim 1 of size 3, got 3/,
    );
    expect(() => indexSelect(zeros([2, 3]), 0, int([-1]))).toThrow(/IndexSelect.*\[0, 1\].*got -1/);
    expect(() => scatterAdd(zeros([2]), 0, int([5]), tensor([1]))).toThrow(/ScatterAdd.*got 5/);
    expect(() => indexSelect(zeros([0, 3]), 0, int([0]))).toThrow(/size 0/);
  });

  it('leak nothing when they throw', () => {
    const x = zeros([2, 3]);
    const index = int([[0, 7]]);
    const before = getBackend().numDataIds();
    expect(() => gather(x, 1, index)).toThrow(IndexError);
    expect(() => oneHot(int([4]), 3)).toThrow(IndexError);
    expect(getBackend().numDataIds()).toBe(before + 1); // the int([4]) argument itself
  });
});

describe('argument validation', () => {
  it('wants int32 indices', () => {
    expect(() => gather(zeros([2]), 0, tensor([0]))).toThrow(DTypeError);
    expect(() => indexSelect(zeros([2]), 0, tensor([true]))).toThrow(DTypeError);
    expect(() => scatterAdd(zeros([2]), 0, tensor([0]), tensor([1]))).toThrow(/int32 index tensor, got dtype float32/);
    expect(() => oneHot(tensor([1]), 2)).toThrow(DTypeError);
  });

  it('checks ranks and sizes', () => {
    expect(() => gather(zeros([2, 2]), 0, int([0]))).toThrow(ShapeError);
    expect(() => gather(zeros([2, 2]), 0, int([[0, 0, 0]]))).toThrow(ShapeError);
    expect(
      gather(
        zeros([2, 2]),
        0,
        int([
          [0, 0],
          [1, 1],
          [0, 1],
        ]),
      ).shape,
    ).toEqual([3, 2]);
    expect(() => indexSelect(zeros([2, 2]), 0, int([[0]]))).toThrow(ShapeError);
    expect(() => indexSelect(scalar(1), 0, int([0, 0]))).toThrow(ShapeError);
    expect(() => scatterAdd(zeros([2, 2]), 0, int([[0, 0, 0]]), zeros([1, 3]))).toThrow(ShapeError);
    expect(() => scatterAdd(zeros([2]), 0, int([0]), tensor([1], { dtype: 'float64' }))).toThrow(DTypeError);
    expect(() => oneHot(int([0]), -1)).toThrow(ArgumentError);
  });
});

describe('gather and scatterAdd', () => {
  it('are adjoint: <gather(x, i), y> equals <x, scatterAdd(0, i, y)>', () => {
    const x = tensor([
      [0.5, -1, 2],
      [3, 0.25, -4],
    ]);
    const index = int([
      [2, 0, 0, 1],
      [1, 1, 2, 2],
    ]);
    const y = tensor([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    const g = gather(x, 1, index).dataSync();
    const s = scatterAdd(zeros([2, 3]), 1, index, y).dataSync();
    const xs = x.dataSync();
    const ys = y.dataSync();
    let left = 0;
    let right = 0;
    g.forEach((v, i) => (left += v * ys[i]!));
    s.forEach((v, i) => (right += v * xs[i]!));
    expect(left).toBeCloseTo(right, 10);
  });

  it('adds into a copy and leaves x as it was', () => {
    const x = tensor([1, 1, 1]);
    const y = scatterAdd(x, 0, int([2, 2]), tensor([1, 2]));
    expect(y.toArray()).toEqual([1, 1, 4]);
    expect(x.toArray()).toEqual([1, 1, 1]);
  });

  it('ors bool values', () => {
    const x = tensor([false, true, false]);
    expect(scatterAdd(x, 0, int([0, 0, 1]), tensor([true, true, true])).toArray()).toEqual([true, true, false]);
  });
});

describe('oneHot', () => {
  it('is one ScatterAdd over a reshape, leaving nothing behind', () => {
    const ops: string[] = [];
    const stop = onOp((r) => ops.push(r.op));
    const indices = int([
      [1, 0],
      [2, 2],
    ]);
    const before = getBackend().numDataIds();
    const y = oneHot(indices, 3, { dtype: 'int32' });
    stop();
    expect(ops).toEqual(['Reshape', 'ScatterAdd']);
    expect(getBackend().numDataIds()).toBe(before + 1);
    expect(y.toArray()).toEqual([
      [
        [0, 1, 0],
        [1, 0, 0],
      ],
      [
        [0, 0, 1],
        [0, 0, 1],
      ],
    ]);
  });
});

describe('maskedFill', () => {
  it('keeps x dtype and shape', () => {
    const x = int([
      [1, 2],
      [3, 4],
    ]);
    const y = maskedFill(
      x,
      tensor([
        [false, true],
        [true, false],
      ]),
      9,
    );
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([
      [1, 9],
      [9, 4],
    ]);
    expect(maskedFill(tensor([1.5, 2]), tensor(true), scalar(-1, { dtype: 'float64' })).toArray()).toEqual([-1, -1]);
    expect(maskedFill(tensor([false, false]), tensor([true, false]), 2).toArray()).toEqual([true, false]);
  });

  it('frees its scalar and validates the mask', () => {
    const x = tensor([1, 2]);
    const mask = tensor([true, false]);
    const before = getBackend().numDataIds();
    tidy(() => {
      maskedFill(x, mask, 0);
    });
    expect(getBackend().numDataIds()).toBe(before);
    expect(() => maskedFill(x, tensor([1, 0]), 0)).toThrow(DTypeError);
    expect(() =>
      maskedFill(
        x,
        tensor([
          [true, false],
          [false, true],
        ]),
        0,
      ),
    ).toThrow(ShapeError);
    expect(() => maskedFill(x, tensor([true, true, true]), 0)).toThrow(ShapeError);
    expect(() => maskedFill(x, mask, tensor([1, 2]))).toThrow(ShapeError);
    expect(() => maskedFill(x, mask, 'a' as never)).toThrow(ArgumentError);
  });
});
