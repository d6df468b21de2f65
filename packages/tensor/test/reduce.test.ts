import { describe, expect, it } from 'vitest';
import {
  all,
  any,
  ArgumentError,
  argmax,
  argmin,
  cumsum,
  getBackend,
  IndexError,
  logSoftmax,
  max,
  min,
  onOp,
  ones,
  prod,
  softmax,
  sum,
  tensor,
  zeros,
  type DType,
  type OpRecord,
  type Tensor,
} from '../src/index.js';
import { runKernel } from '../src/backend.js';

// ---------------------------------------------------------------------------------------------
// A naive reference: fold every element into its output slot via explicit multi-indices.

function naiveReduce(
  values: ArrayLike<number>,
  shape: number[],
  axes: number[],
  init: number,
  step: (a: number, v: number) => number,
): { shape: number[]; values: number[] } {
  const outShape = shape.filter((_, i) => !axes.includes(i));
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const out = new Array<number>(outSize).fill(init);
  const n = shape.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < n; flat++) {
    let rest = flat;
    const idx: number[] = new Array<number>(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rest % shape[d]!;
      rest = Math.floor(rest / shape[d]!);
    }
    let o = 0;
    for (let d = 0; d < shape.length; d++) if (!axes.includes(d)) o = o * shape[d]! + idx[d]!;
    out[o] = step(out[o]!, values[flat]!);
  }
  return { shape: outShape, values: out };
}

// A small deterministic generator, so failures reproduce.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomCase(rand: () => number): { shape: number[]; axes: number[] } {
  const rank = Math.floor(rand() * 6);
  const shape = Array.from({ length: rank }, () => 1 + Math.floor(rand() * 4));
  const axes = shape.flatMap((_, i) => (rand() < 0.5 ? [i] : []));
  return { shape, axes };
}

const flat = (t: Tensor): number[] => Array.from(t.dataSync());

describe('reduction kernels against a naive reference', () => {
  const rand = lcg(42);
  for (let k = 0; k < 60; k++) {
    const { shape, axes } = randomCase(rand);
    const n = shape.reduce((a, b) => a * b, 1);
    // Values in {-2, …, 2}: every product is ±2^k (exact in double, same overflow everywhere).
    const values = Array.from({ length: n }, () => Math.round(rand() * 4) - 2);
    it(`shape [${shape.join(',')}] over [${axes.join(',')}]`, () => {
      const f = tensor(Float32Array.from(values), { shape });
      const i32 = tensor(Int32Array.from(values), { shape });
      const b = tensor(Uint8Array.from(values, (v) => (v > 0 ? 1 : 0)), { shape });
      const dims = shape.length === 0 ? undefined : axes;
      const check = (got: Tensor, want: { shape: number[]; values: number[] }, dtype: DType): void => {
        expect(got.shape).toEqual(shape.length === 0 ? [] : want.shape);
        expect(got.dtype).toBe(dtype);
        expect(flat(got)).toEqual(want.values);
      };
      const red = shape.length === 0 ? [] : axes;
      check(sum(f, dims), naiveReduce(values, shape, red, 0, (a, v) => a + v), 'float32');
      check(sum(i32, dims), naiveReduce(values, shape, red, 0, (a, v) => a + v), 'int32');
      check(prod(f, dims), naiveReduce(values, shape, red, 1, (a, v) => Math.fround(a * v)), 'float32');
      check(prod(i32, dims), naiveReduce(values, shape, red, 1, Math.imul), 'int32');
      check(max(f, dims), naiveReduce(values, shape, red, -Infinity, Math.max), 'float32');
      check(min(i32, dims), naiveReduce(values, shape, red, Infinity, Math.min), 'int32');
      check(all(f, dims), naiveReduce(values, shape, red, 1, (a, v) => (a && v !== 0 ? 1 : 0)), 'bool');
      check(any(i32, dims), naiveReduce(values, shape, red, 0, (a, v) => (a || v !== 0 ? 1 : 0)), 'bool');
      check(sum(b, dims), naiveReduce(values, shape, red, 0, (a, v) => a + (v > 0 ? 1 : 0)), 'int32');
      // keepDim keeps the same values under a shape with 1s.
      const kept = sum(f, dims, true);
      expect(kept.shape).toEqual(shape.map((d, i) => (shape.length > 0 && (dims === undefined || axes.includes(i)) ? 1 : d)));
      expect(flat(kept)).toEqual(flat(sum(f, dims)));
    });
  }
});

describe('sum', () => {
  it('accumulates float32 in double: 2^25 ones sum to exactly 33554432', () => {
    const x = ones([2 ** 25]);
    expect(sum(x).item()).toBe(33554432);
    x.dispose();
  });

  it('keeps cancellation exact across blocks and columns', () => {
    expect(sum(tensor([1e8, 1, -1e8, 1])).item()).toBe(2);
    expect(sum(tensor([[1e8, 1], [1, 0], [-1e8, 0]]), 0).toArray()).toEqual([1, 1]);
  });

  it('wraps int32 sums like int32 arithmetic, in rows and columns', () => {
    const i32 = (v: number[], shape: number[]): Tensor => tensor(Int32Array.from(v), { shape });
    expect(sum(i32([2147483647, 1], [2])).item()).toBe(-2147483648);
    expect(sum(i32([2147483647, 2147483647, 1, 1], [2, 2]), 0).toArray()).toEqual([-2147483648, -2147483648]);
    expect(cumsum(i32([2147483647, 1], [2]), 0).toArray()).toEqual([2147483647, -2147483648]);
    expect(prod(i32([65536, 65536], [2])).item()).toBe(0);
  });

  it('counts bools as int32 and handles empty sets', () => {
    expect(sum(tensor([true, true, false])).toArray()).toBe(2);
    expect(sum(tensor([true, true, false])).dtype).toBe('int32');
    expect(prod(tensor([true, false])).dtype).toBe('int32');
    expect(sum(zeros([0, 3]), 0).toArray()).toEqual([0, 0, 0]);
    expect(sum(zeros([0])).item()).toBe(0);
    expect(prod(zeros([2, 0]), 1).toArray()).toEqual([1, 1]);
    expect(all(zeros([0])).item()).toBe(true);
    expect(any(zeros([0])).item()).toBe(false);
    expect(all(zeros([3, 0]), 1).toArray()).toEqual([true, true, true]);
  });

  it('treats dim [] as no reduction and accepts dim 0/-1 on a scalar', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(sum(x, []).toArray()).toEqual([[1, 2], [3, 4]]);
    const s = tensor(5);
    expect(sum(s).item()).toBe(5);
    expect(sum(s, 0).shape).toEqual([]);
    expect(max(s, -1, true).shape).toEqual([]);
    expect(prod(s, [0]).item()).toBe(5);
  });

  it('passes normalised attrs to the kernel', () => {
    const records: OpRecord[] = [];
    const stop = onOp((r) => records.push(r));
    sum(zeros([2, 3, 4]), [-1, 0], true);
    stop();
    const r = records.find((rec) => rec.op === 'Sum')!;
    expect(r.attrs).toEqual({ axes: [0, 2], keepDim: true });
  });
});

describe('max and min', () => {
  it('propagate NaN in rows, columns and across blocks', () => {
    expect(max(tensor([1, NaN, 3])).item()).toBeNaN();
    expect(min(tensor([NaN, 1, 3])).item()).toBeNaN();
    const cols = tensor([[1, NaN], [NaN, 2], [3, 4]]);
    expect(flat(max(cols, 0))).toEqual([NaN, NaN]);
    expect(flat(min(cols, 1))).toEqual([NaN, NaN, 3]);
    // NaN in an early block of a non-adjacent reduction must survive later blocks.
    const x = tensor([NaN, 0, 5, 9, 1, 2, 3, 4], { shape: [2, 2, 2] });
    expect(flat(max(x, [0, 2]))).toEqual([NaN, 9]);
    expect(flat(min(x, [0, 2]))).toEqual([NaN, 3]);
  });

  it('handle ±Inf, int32 extremes and bools', () => {
    expect(max(tensor([-Infinity, -Infinity])).item()).toBe(-Infinity);
    expect(min(tensor([Infinity, 3])).item()).toBe(3);
    const i = tensor(Int32Array.from([-2147483648, 2147483647]));
    expect(max(i).item()).toBe(2147483647);
    expect(min(i).item()).toBe(-2147483648);
    expect(max(tensor([false, true])).item()).toBe(true);
    expect(min(tensor([false, true])).dtype).toBe('bool');
  });

  it('throw IndexError for an empty reduction but allow an empty output', () => {
    expect(() => max(zeros([0, 3]), 0)).toThrow(IndexError);
    expect(() => min(zeros([0]))).toThrow(/non-empty/);
    expect(max(zeros([3, 0]), 0).shape).toEqual([0]);
  });
});

describe('argmax and argmin', () => {
  it('return the first occurrence, with NaN as the extreme', () => {
    expect(argmax(tensor([1, 3, 3, 2])).item()).toBe(1);
    expect(argmin(tensor([2, 0, 1, 0])).item()).toBe(1);
    expect(argmax(tensor([1, NaN, 9, NaN])).item()).toBe(1);
    expect(argmin(tensor([1, NaN, -9, NaN])).item()).toBe(1);
    const cols = tensor([[1, 5, NaN], [7, 5, 0], [7, NaN, 1]]);
    expect(argmax(cols, 0).toArray()).toEqual([1, 2, 0]);
    expect(argmin(cols, 0).toArray()).toEqual([0, 2, 0]);
    expect(argmax(cols, 1).toArray()).toEqual([2, 0, 1]);
  });

  it('index the flattened tensor without dim; keepDim shapes follow PyTorch', () => {
    const x = tensor([[1, 5, 5], [7, 2, 6]]);
    expect(argmax(x).item()).toBe(3);
    expect(argmax(x).shape).toEqual([]);
    expect(argmax(x).dtype).toBe('int32');
    expect(argmax(x, undefined, true).shape).toEqual([1, 1]);
    expect(argmax(x, 1, true).toArray()).toEqual([[1], [0]]);
    expect(argmin(tensor(4)).item()).toBe(0);
    expect(argmin(tensor(4), 0, true).shape).toEqual([]);
  });

  it('do not leak the flattened intermediate', () => {
    const x = tensor([[1, 2], [3, 4]]);
    const before = getBackend().numDataIds();
    const i = argmax(x, undefined, true);
    expect(getBackend().numDataIds()).toBe(before + 1);
    i.dispose();
  });

  it('validate dim and emptiness', () => {
    expect(() => argmax(zeros([0]))).toThrow(IndexError);
    expect(() => argmin(zeros([2, 0]), 1)).toThrow(IndexError);
    expect(() => argmax(zeros([2, 3]), 2)).toThrow(IndexError);
    expect(() => argmax(zeros([2, 3]), [0] as unknown as number)).toThrow(ArgumentError);
  });
});

describe('cumsum', () => {
  it('runs along any dim, forwards and (kernel) in reverse', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(cumsum(x, 1).toArray()).toEqual([[1, 3, 6], [4, 9, 15]]);
    expect(cumsum(x, -2).toArray()).toEqual([[1, 2, 3], [5, 7, 9]]);
    expect(runKernel('Cumsum', { x }, { axis: 1, reverse: true }).toArray()).toEqual([[6, 5, 3], [15, 11, 6]]);
    expect(runKernel('Cumsum', { x }, { axis: 0, reverse: true }).toArray()).toEqual([[5, 7, 9], [4, 5, 6]]);
    expect(cumsum(tensor([true, false, true]), 0).toArray()).toEqual([1, 1, 2]);
    expect(cumsum(tensor(3), 0).item()).toBe(3);
    expect(cumsum(zeros([0, 2]), 0).shape).toEqual([0, 2]);
  });

  it('accumulates in double and rounds each prefix once', () => {
    expect(cumsum(tensor([1e8, 1, -1e8]), 0).toArray()).toEqual([1e8, 1e8, 1]);
  });
});

describe('softmax and logSoftmax', () => {
  it('are stable for large logits', () => {
    expect(softmax(tensor([1000, 0])).toArray()).toEqual([1, 0]);
    expect(logSoftmax(tensor([1000, 0])).toArray()).toEqual([0, -1000]);
    expect(softmax(tensor([[1000, 0], [0, 1000]]), 0).toArray()).toEqual([[1, 0], [0, 1]]);
    expect(logSoftmax(tensor([[1000, 0], [0, 1000]]), 0).toArray()).toEqual([[0, -1000], [-1000, 0]]);
  });

  it('give NaN for a row of all -Inf, like PyTorch', () => {
    expect(flat(softmax(tensor([[-Infinity, -Infinity], [0, 0]])))).toEqual([NaN, NaN, 0.5, 0.5]);
    expect(flat(logSoftmax(tensor([-Infinity, -Infinity])))).toEqual([NaN, NaN]);
    expect(flat(softmax(tensor([-Infinity, 0])))).toEqual([0, 1]);
    expect(flat(logSoftmax(tensor([-Infinity, 0])))).toEqual([-Infinity, 0]);
  });

  it('normalise along the chosen dim, and cast int inputs to float32', () => {
    const x = tensor(Float32Array.from({ length: 24 }, (_, i) => Math.sin(i) * 3), { shape: [2, 3, 4] });
    for (const dim of [0, 1, 2]) {
      const s = sum(softmax(x, dim), dim);
      for (const v of s.dataSync()) expect(v).toBeCloseTo(1, 6);
    }
    const i = softmax(tensor(Int32Array.from([0, 0])));
    expect(i.dtype).toBe('float32');
    expect(i.toArray()).toEqual([0.5, 0.5]);
    expect(softmax(tensor([[1, 2]], { dtype: 'float64' })).dtype).toBe('float64');
    expect(softmax(tensor(7)).item()).toBe(1);
    expect(logSoftmax(tensor(7)).item()).toBe(0);
  });
});

describe('argument validation', () => {
  const x = zeros([2, 3]);
  it('names the op and argument', () => {
    expect(() => sum(x, 2)).toThrow(IndexError);
    expect(() => sum(x, 2)).toThrow(/sum\(dim\)/);
    expect(() => prod(x, [0, 0])).toThrow(ArgumentError);
    expect(() => max(x, 1.5)).toThrow(ArgumentError);
    expect(() => min(x, '1' as unknown as number)).toThrow(ArgumentError);
    expect(() => all(x, [0, '1'] as unknown as number[])).toThrow(ArgumentError);
    expect(() => any(x, null as unknown as number)).toThrow(ArgumentError);
    expect(() => sum([1, 2] as unknown as Tensor)).toThrow(/sum\(x\): expected a Tensor/);
    expect(() => sum(x, 0, 1 as unknown as boolean)).toThrow(/sum\(keepDim\)/);
    expect(() => softmax(x, 2)).toThrow(IndexError);
    expect(() => logSoftmax(x, 0.5)).toThrow(ArgumentError);
    expect(() => cumsum(x, undefined as unknown as number)).toThrow(ArgumentError);
  });
});

describe('documented examples', () => {
  it('hold', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(sum(x).item()).toBe(21);
    expect(sum(x, 0).toArray()).toEqual([5, 7, 9]);
    expect(sum(x, -1, true).toArray()).toEqual([[6], [15]]);
    expect(prod(x).item()).toBe(720);
    expect(prod(x, 1).toArray()).toEqual([6, 120]);
    expect(prod(zeros([0])).item()).toBe(1);
    const y = tensor([[1, 5, 3], [4, 2, 6]]);
    expect(max(y).item()).toBe(6);
    expect(max(y, 0).toArray()).toEqual([4, 5, 6]);
    expect(max(y, 1, true).toArray()).toEqual([[5], [6]]);
    expect(max(tensor([1, NaN])).item()).toBeNaN();
    expect(min(y).item()).toBe(1);
    expect(min(y, 0).toArray()).toEqual([1, 2, 3]);
    expect(min(y, -1).toArray()).toEqual([1, 2]);
    const b = tensor([[true, false], [true, true]]);
    expect(all(b).item()).toBe(false);
    expect(all(b, 1).toArray()).toEqual([false, true]);
    expect(all(tensor([1, 2])).item()).toBe(true);
    const c = tensor([[true, false], [false, false]]);
    expect(any(c).item()).toBe(true);
    expect(any(c, 1).toArray()).toEqual([true, false]);
    expect(any(zeros([0])).item()).toBe(false);
    const z = tensor([[1, 5, 5], [7, 2, 6]]);
    expect(argmax(z).item()).toBe(3);
    expect(argmax(z, 1).toArray()).toEqual([1, 0]);
    expect(argmax(z, 0, true).toArray()).toEqual([[1, 0, 1]]);
    const w = tensor([[4, 1, 1], [0, 2, 6]]);
    expect(argmin(w).item()).toBe(3);
    expect(argmin(w, 1).toArray()).toEqual([1, 0]);
    expect(argmin(tensor([3, NaN, 0])).item()).toBe(1);
    expect(cumsum(x, 1).toArray()).toEqual([[1, 3, 6], [4, 9, 15]]);
    expect(cumsum(x, 0).toArray()).toEqual([[1, 2, 3], [5, 7, 9]]);
    expect(cumsum(tensor([true, false, true]), 0).toArray()).toEqual([1, 1, 2]);
    expect(softmax(tensor([1, 1, 1, 1])).toArray()).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(softmax(tensor([1000, 0])).toArray()).toEqual([1, 0]);
    expect(softmax(tensor([[0, 0], [5, 5]]), 1).toArray()).toEqual([[0.5, 0.5], [0.5, 0.5]]);
    expect(logSoftmax(tensor([1000, 0])).toArray()).toEqual([0, -1000]);
    for (const v of logSoftmax(tensor([[2, 2], [7, 7]])).dataSync()) expect(v).toBeCloseTo(Math.log(0.5), 6);
  });
});
