import { describe, expect, it } from 'vitest';
import { arange, eye, full, linspace, manualSeed, rand, randn, ShapeError, tensor, zeros, ArgumentError, Generator } from '../src/index.js';

describe('creation', () => {
  it('infers shapes and dtypes from nested arrays', () => {
    const t = tensor([[1, 2], [3, 4]]);
    expect(t.shape).toEqual([2, 2]);
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(tensor([true, false]).dtype).toBe('bool');
    expect(tensor(3).shape).toEqual([]);
  });

  it('rejects ragged arrays with a ShapeError naming the path', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => tensor([[1, 2], [3]])).toThrow(/tensor\(data\[1\]\)/);
  });

  it('makes ranges', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(eye(2, 3).toArray()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(full([2], 7).toArray()).toEqual([7, 7]);
    expect(() => arange(0, 1, 0)).toThrow(ArgumentError);
    expect(() => zeros([-1])).toThrow(ArgumentError);
  });

  it('is reproducible under manualSeed', () => {
    manualSeed(7);
    const a = rand([5]).toArray();
    manualSeed(7);
    expect(rand([5]).toArray()).toEqual(a);
    const n = randn([20000]).dataSync();
    let mean = 0;
    for (const v of n) mean += v;
    expect(Math.abs(mean / n.length)).toBeLessThan(0.05);
  });

  it('prints like PyTorch', () => {
    expect(tensor([[1, 2], [3, 4]]).toString()).toBe('tensor([[1., 2.],\n        [3., 4.]], dtype=float32)');
  });
});

describe('rand in float32', () => {
  it('stays below 1 even for the largest 53-bit draws (24 bits kept, rounded down)', () => {
    class Largest extends Generator {
      override random(): number {
        return 1 - 2 ** -53;
      }
    }
    const values = rand([4], { generator: new Largest(0) }).dataSync();
    expect(Array.from(values)).toEqual(new Array(4).fill(1 - 2 ** -24));
    expect(rand([3], { generator: new Largest(0), dtype: 'float64' }).dataSync()[0]).toBe(1 - 2 ** -53);
  });
});
