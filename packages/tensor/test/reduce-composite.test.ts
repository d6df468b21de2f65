import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  getBackend,
  IndexError,
  logsumexp,
  mean,
  norm,
  std,
  tensor,
  variance,
  zeros,
  type Tensor,
} from '../src/index.js';

const flat = (t: Tensor): number[] => Array.from(t.dataSync());

/** Runs `fn` and checks it leaves exactly one new tensor (its result) behind. */
function noLeak(fn: () => Tensor): Tensor {
  const before = getBackend().numDataIds();
  const out = fn();
  expect(getBackend().numDataIds(), 'only the result stays alive').toBe(before + 1);
  return out;
}

describe('mean', () => {
  it('averages over dims, casting ints to float32', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(mean(x).item()).toBe(3.5);
    expect(mean(x, 1).toArray()).toEqual([2, 5]);
    expect(mean(x, [0, 1], true).toArray()).toEqual([[3.5]]);
    const i = mean(tensor(Int32Array.from([1, 2])));
    expect(i.dtype).toBe('float32');
    expect(i.item()).toBe(1.5);
    expect(mean(tensor([true, false, false, false])).item()).toBe(0.25);
    expect(mean(tensor([1, 2], { dtype: 'float64' })).dtype).toBe('float64');
    expect(mean(tensor(4)).item()).toBe(4);
  });

  it('of an empty set is NaN and leaks nothing', () => {
    expect(mean(zeros([0])).item()).toBeNaN();
    expect(flat(mean(zeros([0, 2]), 0))).toEqual([NaN, NaN]);
    const x = tensor(Int32Array.from([1, 2, 3]));
    noLeak(() => mean(x));
  });
});

describe('variance and std', () => {
  const x = tensor([[1, 2, 3, 4], [2, 2, 2, 2]]);

  it('use correction 1 by default and 0 on request', () => {
    const v = variance(x, 1).dataSync();
    expect(v[0]).toBeCloseTo(5 / 3, 6);
    expect(v[1]).toBe(0);
    expect(variance(x, 1, { correction: 0 }).toArray()).toEqual([1.25, 0]);
    expect(variance(x, 1, { keepDim: true }).shape).toEqual([2, 1]);
    expect(std(tensor([2, 4, 4, 4, 5, 5, 7, 9]), 0, { correction: 0 }).item()).toBe(2);
    expect(std(tensor([2, 4, 4, 4, 5, 5, 7, 9])).item()).toBeCloseTo(Math.sqrt(32 / 7), 6);
    expect(variance(x, [0, 1], { correction: 0 }).item()).toBeCloseTo(0.6875, 6);
  });

  it('are NaN or Inf when N - correction <= 0, as in PyTorch', () => {
    expect(variance(tensor([5])).item()).toBeNaN();
    expect(std(tensor([5, 7]), 0, { correction: 2 }).item()).toBe(Infinity);
    expect(variance(zeros([0])).item()).toBeNaN();
  });

  it('are accurate for a large offset (two-pass)', () => {
    const big = tensor([1e4 + 1, 1e4 + 2, 1e4 + 3]);
    expect(variance(big).item()).toBeCloseTo(1, 5);
  });

  it('cast ints, validate options and leak nothing', () => {
    expect(variance(tensor(Int32Array.from([1, 3]))).dtype).toBe('float32');
    expect(() => variance(x, 1, { correction: Number.NaN })).toThrow(ArgumentError);
    expect(() => std(x, 1, { keepDim: 'yes' as unknown as boolean })).toThrow(/std\(options.keepDim\)/);
    expect(() => std(x, 5)).toThrow(/std\(dim\)/);
    expect(() => variance(x, 0, 3 as never)).toThrow(ArgumentError);
    noLeak(() => std(x, 1));
  });
});

describe('logsumexp', () => {
  it('is stable and handles infinities', () => {
    expect(logsumexp(tensor([0, 0])).item()).toBeCloseTo(Math.LN2, 6);
    expect(logsumexp(tensor([1000, 1000])).item()).toBeCloseTo(1000 + Math.LN2, 3);
    expect(logsumexp(tensor([-1000, -1000])).item()).toBeCloseTo(-1000 + Math.LN2, 3);
    expect(logsumexp(tensor([-Infinity, -Infinity])).item()).toBe(-Infinity);
    expect(logsumexp(tensor([Infinity, 0])).item()).toBe(Infinity);
    expect(logsumexp(tensor([NaN, 0])).item()).toBeNaN();
    expect(logsumexp(zeros([0])).item()).toBe(-Infinity);
    expect(flat(logsumexp(zeros([2, 0]), 1, true))).toEqual([-Infinity, -Infinity]);
  });

  it('reduces over dims with keepDim and leaks nothing', () => {
    const x = tensor([[0, Math.log(3)], [-Infinity, -Infinity]]);
    const r = logsumexp(x, 1, true);
    expect(r.shape).toEqual([2, 1]);
    expect(r.dataSync()[0]).toBeCloseTo(Math.log(4), 6);
    expect(r.dataSync()[1]).toBe(-Infinity);
    expect(logsumexp(x, 0).shape).toEqual([2]);
    expect(logsumexp(tensor(Int32Array.from([0, 0]))).dtype).toBe('float32');
    noLeak(() => logsumexp(x, 1));
  });
});

describe('norm', () => {
  const x = tensor([[3, -4], [0, 0]]);

  it('computes p = 2, 1, inf, fro and general p', () => {
    expect(norm(x).item()).toBe(5);
    expect(norm(x, 'fro').item()).toBe(5);
    expect(norm(x, 1, 1).toArray()).toEqual([7, 0]);
    expect(norm(x, 'inf').item()).toBe(4);
    expect(norm(x, Infinity, 0).toArray()).toEqual([3, 4]);
    expect(norm(tensor([1, 1, 1, 1]), 4).item()).toBeCloseTo(Math.SQRT2, 6);
    expect(norm(tensor([3, 4]), 3).item()).toBeCloseTo(Math.cbrt(27 + 64), 5);
    expect(norm(tensor([0.25, 0.25]), 0.5).item()).toBeCloseTo(1, 6);
    expect(norm(x, 2, 1, true).shape).toEqual([2, 1]);
    expect(norm(tensor(Int32Array.from([3, 4]))).dtype).toBe('float32');
    expect(norm(zeros([0])).item()).toBe(0);
  });

  it('validates p and the inf-norm of an empty set', () => {
    expect(() => norm(x, 0)).toThrow(ArgumentError);
    expect(() => norm(x, -1)).toThrow(/norm\(p\)/);
    expect(() => norm(x, 'nuc' as never)).toThrow(ArgumentError);
    expect(() => norm(zeros([0]), 'inf')).toThrow(IndexError);
    expect(() => norm(x, 2, 2)).toThrow(IndexError);
    noLeak(() => norm(x, 3, 1));
  });
});
