// Storage, validation, PyTorch/NumPy semantics and memory of the movement ops.
import { describe, expect, it } from 'vitest';
import {
  arange,
  ArgumentError,
  broadcastTo,
  chunk,
  concat,
  expand,
  flatten,
  getBackend,
  IndexError,
  onOp,
  pad,
  permute,
  repeat,
  reshape,
  scalar,
  ShapeError,
  slice,
  split,
  squeeze,
  stack,
  tensor,
  tidy,
  tile,
  transpose,
  unsqueeze,
  zeros,
  type Tensor,
} from '../src/index.js';

/** The primitive ops a call runs, in order. */
function opsOf(fn: () => unknown): string[] {
  const ops: string[] = [];
  const stop = onOp((r) => ops.push(r.op));
  try {
    tidy(() => {
      fn();
    });
  } finally {
    stop();
  }
  return ops;
}

describe('reshape and friends', () => {
  it('gives every result its own storage', () => {
    const x = arange(6);
    const y = reshape(x, [2, 3]);
    expect(y.dataId).not.toBe(x.dataId);
    x.dispose();
    expect(y.toArray()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    const z = squeeze(y);
    expect(z.dataId).not.toBe(y.dataId);
  });

  it('names both shapes when the sizes differ', () => {
    expect(() => reshape(zeros([2, 3]), [4, 2])).toThrow(ShapeError);
    expect(() => reshape(zeros([2, 3]), [4, 2])).toThrow(/\[2,3\].*got \[4,2\]/);
    expect(() => reshape(zeros([2, 3]), [4, -1])).toThrow(/got \[4,-1\]/);
    expect(() => reshape(zeros([2, 3]), [-2, 3])).toThrow(ArgumentError);
  });

  it('squeezes and unsqueezes scalars like PyTorch', () => {
    expect(squeeze(scalar(3)).shape).toEqual([]);
    expect(squeeze(scalar(3), -1).shape).toEqual([]);
    expect(unsqueeze(scalar(3), -1).shape).toEqual([1]);
    expect(flatten(scalar(3)).shape).toEqual([1]);
    expect(() => squeeze(zeros([1, 2]), [0, 0])).toThrow(ArgumentError);
  });
});

describe('transpose and permute', () => {
  it('rejects anything but a permutation', () => {
    expect(() => permute(zeros([2, 3]), [1, 1])).toThrow(ArgumentError);
    expect(() => permute(zeros([2, 3]), [0])).toThrow(ArgumentError);
    expect(() => permute(zeros([2, 3]), [0, 1.5])).toThrow(ArgumentError);
    expect(() => transpose(zeros([2, 3]), 0, -3)).toThrow(IndexError);
  });

  it('runs one Transpose primitive', () => {
    expect(opsOf(() => permute(zeros([2, 3, 4]), [1, 2, 0]))).toEqual(['Transpose']);
  });
});

describe('expand and broadcastTo', () => {
  it('refuses to shrink or change a dim', () => {
    expect(() => expand(zeros([2, 3]), [2, 1])).toThrow(ShapeError);
    expect(() => broadcastTo(zeros([2]), [3])).toThrow(/\[2\] broadcasts to/);
    expect(() => expand(zeros([2]), [-1, 2])).toThrow(ArgumentError);
  });
});

describe('slice', () => {
  it('follows Python slicing on every dim', () => {
    const x = arange(10);
    const py = (start: number | null, stop: number | null, step: number): number[] => {
      // Python's list slicing, written out.
      const n = 10;
      const norm = (v: number, lo: number, hi: number) => Math.min(Math.max(v < 0 ? v + n : v, lo), hi);
      const s = start === null ? (step > 0 ? 0 : n - 1) : step > 0 ? norm(start, 0, n) : norm(start, -1, n - 1);
      const e = stop === null ? (step > 0 ? n : -1) : step > 0 ? norm(stop, 0, n) : norm(stop, -1, n - 1);
      const out: number[] = [];
      for (let i = s; step > 0 ? i < e : i > e; i += step) out.push(i);
      return out;
    };
    const bounds = [null, -12, -10, -3, -1, 0, 1, 4, 9, 10, 13];
    for (const start of bounds) {
      for (const stop of bounds) {
        for (const step of [1, 2, 3, -1, -2, -4]) {
          expect(slice(x, [[start, stop, step]]).toArray(), `[${start}:${stop}:${step}]`).toEqual(
            py(start, stop, step),
          );
        }
      }
    }
  });

  it('drops selected dims and keeps unlisted trailing dims', () => {
    const x = reshape(arange(24), [2, 3, 4]);
    expect(slice(x, [1, [null, null, 2]]).toArray()).toEqual([
      [12, 13, 14, 15],
      [20, 21, 22, 23],
    ]);
    expect(slice(x, [-1, -1, -1]).shape).toEqual([]);
    expect(slice(x, [-1, -1, -1]).item()).toBe(23);
  });

  it('frees its intermediate when it drops dims', () => {
    const x = zeros([3, 4]);
    const before = getBackend().numDataIds();
    const y = slice(x, [1]);
    expect(getBackend().numDataIds()).toBe(before + 1);
    y.dispose();
  });

  it('names the bad entry', () => {
    expect(() => slice(zeros([2, 3]), [null, 3])).toThrow(/slice\(ranges\[1\]\).*\[-3, 2\].*got 3/);
    expect(() => slice(zeros([2]), [[0, 2, 0]])).toThrow(ArgumentError);
    expect(() => slice(zeros([2]), [[0, 1, 1, 1] as never])).toThrow(ArgumentError);
    expect(() => slice(zeros([2]), ['a' as never])).toThrow(ArgumentError);
  });
});

describe('concat, stack, split, chunk', () => {
  it('promotes mixed dtypes', () => {
    const y = concat([tensor([true, false]), tensor([2, 3], { dtype: 'int32' })]);
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([1, 0, 2, 3]);
    expect(stack([tensor([1], { dtype: 'int32' }), tensor([0.5], { dtype: 'float64' })]).dtype).toBe('float64');
  });

  it('leaves no intermediates behind', () => {
    const a = tensor([1, 2], { dtype: 'int32' });
    const b = tensor([3, 4]);
    const before = getBackend().numDataIds();
    const outs: Tensor[] = [concat([a, b]), stack([a, b], 1), stack([a, b], 0)];
    expect(getBackend().numDataIds()).toBe(before + outs.length);
    expect(outs[1]!.toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('splits into every piece', () => {
    const x = reshape(arange(12), [3, 4]);
    const parts = split(x, [1, 0, 3], 1);
    expect(parts.map((t) => t.shape)).toEqual([
      [3, 1],
      [3, 0],
      [3, 3],
    ]);
    expect(parts[2]!.toArray()).toEqual([
      [1, 2, 3],
      [5, 6, 7],
      [9, 10, 11],
    ]);
    expect(split(zeros([0]), 3).map((t) => t.shape)).toEqual([[0]]);
    expect(chunk(zeros([0, 2]), 3).map((t) => t.shape)).toEqual([
      [0, 2],
      [0, 2],
      [0, 2],
    ]);
    expect(chunk(arange(7), 3).map((t) => t.shape)).toEqual([[3], [3], [1]]);
    expect(() => split(scalar(1), 1)).toThrow(ShapeError);
    expect(() => split(arange(4), [1, 2])).toThrow(/sum 3/);
  });

  it('describes mismatched shapes', () => {
    expect(() => concat([zeros([2, 3]), zeros([3, 4])], 0)).toThrow(/\[\*,3\].*got \[3,4\]/);
    expect(() => concat([zeros([2]), 'x' as never])).toThrow(ArgumentError);
  });
});

describe('pad', () => {
  it('pads reflect corners like PyTorch', () => {
    const x = reshape(arange(9), [1, 3, 3]);
    // torch.nn.functional.pad(torch.arange(9.).reshape(1, 3, 3), (1, 1, 1, 1), mode='reflect')
    expect(pad(x, [1, 1, 1, 1], { mode: 'reflect' }).toArray()).toEqual([
      [
        [4, 3, 4, 5, 4],
        [1, 0, 1, 2, 1],
        [4, 3, 4, 5, 4],
        [7, 6, 7, 8, 7],
        [4, 3, 4, 5, 4],
      ],
    ]);
    expect(pad(x, [1, 0, 0, 1], { mode: 'replicate' }).toArray()).toEqual([
      [
        [0, 0, 1, 2],
        [3, 3, 4, 5],
        [6, 6, 7, 8],
        [6, 6, 7, 8],
      ],
    ]);
  });

  it('uses the Pad primitive for constant padding and frees composite intermediates', () => {
    expect(opsOf(() => pad(zeros([2, 2]), [1, 1]))).toEqual(['Pad']);
    const x = zeros([3, 4]);
    const before = getBackend().numDataIds();
    const y = pad(x, [2, 1, 1, 2], { mode: 'reflect' });
    expect(y.shape).toEqual([6, 7]);
    expect(getBackend().numDataIds()).toBe(before + 1);
  });

  it('crops with negative constant padding', () => {
    expect(pad(arange(5), [-1, -2]).toArray()).toEqual([1, 2]);
    expect(pad(arange(3), [-1, 2], { value: 7 }).toArray()).toEqual([1, 2, 7, 7]);
  });

  it('validates its options', () => {
    expect(() => pad(zeros([3]), [3, 0], { mode: 'reflect' })).toThrow(ShapeError);
    expect(() => pad(zeros([3]), [-1, 0], { mode: 'replicate' })).toThrow(ArgumentError);
    expect(() => pad(zeros([3]), [1, 0], { mode: 'reflect', value: 1 })).toThrow(ArgumentError);
    expect(() => pad(zeros([0]), [1, 0], { mode: 'replicate' })).toThrow(ShapeError);
    expect(pad(zeros([0, 2]), [1, 0], { mode: 'reflect' }).shape).toEqual([0, 3]);
  });
});

describe('tile and repeat', () => {
  it('match NumPy tile and PyTorch repeat', () => {
    expect(
      tile(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [2, 2],
      ).toArray(),
    ).toEqual([
      [1, 2, 1, 2],
      [3, 4, 3, 4],
      [1, 2, 1, 2],
      [3, 4, 3, 4],
    ]);
    expect(repeat(scalar(3), [2, 2]).toArray()).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(() => repeat(zeros([2, 2]), [2])).toThrow(/at least 2 counts/);
  });
});
