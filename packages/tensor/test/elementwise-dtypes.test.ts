import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  ArgumentError,
  cast,
  ceil,
  div,
  DTypeError,
  eq,
  exp,
  floor,
  getBackend,
  gt,
  isFinite,
  isNaN,
  logicalAnd,
  logicalNot,
  logicalOr,
  maximum,
  mul,
  neg,
  pow,
  relu,
  round,
  ShapeError,
  sign,
  sqrt,
  sub,
  tensor,
  tidy,
  where,
  type Tensor,
} from '../src/index.js';

const int = (values: number[]): Tensor => tensor(values, { dtype: 'int32' });
const f64 = (values: number[]): Tensor => tensor(values, { dtype: 'float64' });

describe('binary dtype promotion', () => {
  it('promotes tensors along bool < int32 < float32 < float64', () => {
    expect(add(int([1]), tensor([0.5])).dtype).toBe('float32');
    expect(add(tensor([true]), int([2])).dtype).toBe('int32');
    expect(add(tensor([1]), f64([2])).dtype).toBe('float64');
    expect(add(int([1]), f64([0.25])).toArray()).toEqual([1.25]);
  });

  it('treats JavaScript numbers as weak scalars', () => {
    expect(add(int([1, 2]), 3).dtype).toBe('int32');
    expect(add(int([1, 2]), 0.5).dtype).toBe('float32');
    expect(add(int([1, 2]), 0.5).toArray()).toEqual([1.5, 2.5]);
    expect(mul(f64([1]), 0.1).dtype).toBe('float64');
    expect(mul(f64([1]), 0.1).toArray()).toEqual([0.1]); // the scalar is not rounded to float32
    expect(add(tensor([true, false]), 1).toArray()).toEqual([2, 1]);
    expect(add(tensor([true, false]), 1).dtype).toBe('int32');
    expect(add(2, 3).dtype).toBe('float32');
  });

  it('keeps bool arithmetic in bool: + is or, * is and', () => {
    const a = tensor([true, true, false, false]);
    const b = tensor([true, false, true, false]);
    expect(add(a, b).toArray()).toEqual([true, true, true, false]);
    expect(mul(a, b).toArray()).toEqual([true, false, false, false]);
    expect(maximum(a, b).dtype).toBe('bool');
    expect(() => sub(a, b)).toThrow(DTypeError);
    expect(() => sub(a, true)).toThrow(/sub/);
  });

  it('wraps int32 arithmetic like 32-bit integers', () => {
    expect(add(int([2147483647]), 1).toArray()).toEqual([-2147483648]);
    expect(mul(int([65536, 46341]), int([65536, 46341])).toArray()).toEqual([0, -2147479015]);
    expect(sub(int([-2147483648]), 1).toArray()).toEqual([2147483647]);
  });

  it('divides integers as floats (true division), with ±∞ and NaN for zero', () => {
    const y = div(int([7, -7, 1, -1, 0]), int([2, 2, 0, 0, 0]));
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([3.5, -3.5, Infinity, -Infinity, NaN]);
    expect(div(tensor([true]), tensor([true])).dtype).toBe('float32');
    expect(div(f64([1]), 3).dtype).toBe('float64');
    expect(div(f64([1]), 3).toArray()).toEqual([1 / 3]);
  });

  it('raises integers to integer powers exactly and rejects negative number exponents', () => {
    expect(pow(int([2, -3, 5]), 3).toArray()).toEqual([8, -27, 125]);
    expect(pow(int([2, -3, 5]), 3).dtype).toBe('int32');
    expect(pow(int([4]), 0.5).toArray()).toEqual([2]);
    expect(pow(int([4]), 0.5).dtype).toBe('float32');
    expect(pow(int([1, -1, 2, -1]), int([-2, -3, -1, -2])).toArray()).toEqual([1, -1, 0, 1]);
    expect(() => pow(int([2]), -1)).toThrow(ArgumentError);
    expect(() => pow(tensor([true]), tensor([true]))).toThrow(DTypeError);
    expect(pow(tensor([2]), -1).toArray()).toEqual([0.5]);
  });

  it('compares in the promoted dtype and answers bool', () => {
    expect(eq(int([1, 2]), 1.5).toArray()).toEqual([false, false]);
    expect(gt(int([1, 2]), 1.5).toArray()).toEqual([false, true]);
    expect(eq(tensor([16777217], { dtype: 'float64' }), int([16777217])).toArray()).toEqual([true]);
    expect(eq(tensor([NaN]), tensor([NaN])).toArray()).toEqual([false]);
    expect(gt(tensor([true]), 0).dtype).toBe('bool');
  });

  it('reads logical operands as booleans without going through float32', () => {
    expect(logicalAnd(f64([1e-50, 0]), 1).toArray()).toEqual([true, false]);
    expect(logicalOr(int([0, 0]), tensor([NaN, 0])).toArray()).toEqual([true, false]);
    expect(logicalAnd(true, tensor([1, 0])).toArray()).toEqual([true, false]);
    expect(logicalNot(f64([0, -0, NaN, 2])).toArray()).toEqual([true, true, false, false]);
  });

  it('throws ShapeError naming the op and both shapes when shapes do not broadcast', () => {
    expect(() => add(tensor([[1, 2, 3]]), tensor([1, 2]))).toThrow(ShapeError);
    expect(() => mul(tensor([[1, 2, 3]]), tensor([1, 2]))).toThrow(/mul: .*\[1,3\] and \[2\]/);
    expect(() => where(tensor([true, false]), tensor([1, 2, 3]), 0)).toThrow(/where/);
  });

  it('throws ArgumentError for operands that are neither tensors nor numbers', () => {
    expect(() => add(tensor([1]), '2' as never)).toThrow(ArgumentError);
    expect(() => add(null as never, 1)).toThrow(/add\(a\)/);
    expect(() => exp(3 as never)).toThrow(/exp\(x\)/);
  });
});

describe('unary dtypes', () => {
  it('computes math of int and bool inputs in float32', () => {
    expect(exp(int([0])).dtype).toBe('float32');
    expect(sqrt(tensor([true, false])).toArray()).toEqual([1, 0]);
    expect(exp(f64([1])).dtype).toBe('float64');
    expect(exp(f64([1])).toArray()).toEqual([Math.E]);
  });

  it('keeps integer dtypes for sign-like and rounding ops', () => {
    for (const op of [neg, abs, sign, floor, ceil, round, relu]) expect(op(int([-2, 3])).dtype).toBe('int32');
    expect(neg(int([-2147483648, 5])).toArray()).toEqual([-2147483648, -5]);
    expect(abs(int([-7])).toArray()).toEqual([7]);
    expect(relu(int([-7, 7])).toArray()).toEqual([0, 7]);
    expect(floor(int([-7])).toArray()).toEqual([-7]);
    expect(sign(tensor([-0, NaN, -2])).toArray()).toEqual([-0, NaN, -1]);
    expect(round(tensor([true, false])).dtype).toBe('bool');
  });

  it('rejects negating a bool tensor', () => {
    expect(() => neg(tensor([true]))).toThrow(DTypeError);
  });

  it('answers bool for isNaN and isFinite on every dtype', () => {
    expect(isNaN(tensor([NaN, 1, Infinity])).toArray()).toEqual([true, false, false]);
    expect(isFinite(tensor([NaN, 1, -Infinity])).toArray()).toEqual([false, true, false]);
    expect(isNaN(int([1])).toArray()).toEqual([false]);
    expect(isFinite(tensor([true])).toArray()).toEqual([true]);
  });
});

describe('cast', () => {
  it('truncates floats toward zero into int32', () => {
    expect(cast(tensor([-2.7, -0.5, 0.5, 2.7, 1e4]), 'int32').toArray()).toEqual([-2, 0, 0, 2, 10000]);
    expect(cast(f64([-2147483648.9, 2147483647.9]), 'int32').toArray()).toEqual([-2147483648, 2147483647]);
  });

  it('makes non-zero values true, NaN included, and bool 0/1', () => {
    expect(cast(tensor([0, -0, 0.1, NaN, -Infinity]), 'bool').toArray()).toEqual([false, false, true, true, true]);
    expect(cast(int([0, -3]), 'bool').toArray()).toEqual([false, true]);
    expect(cast(tensor([true, false]), 'float32').toArray()).toEqual([1, 0]);
  });

  it('rounds float64 to float32 and returns the input itself for the same dtype', () => {
    expect(cast(f64([0.1, 1e40]), 'float32').toArray()).toEqual([Math.fround(0.1), Infinity]);
    const x = tensor([1]);
    expect(cast(x, 'float32')).toBe(x);
  });

  it('rejects unknown dtypes', () => {
    expect(() => cast(tensor([1]), 'int64' as never)).toThrow(ArgumentError);
    expect(() => cast(tensor([1]), undefined as never)).toThrow(ArgumentError);
  });
});

describe('where', () => {
  it('requires a bool condition', () => {
    expect(() => where(tensor([1, 0]), 1, 0)).toThrow(DTypeError);
  });

  it('promotes the two branches and accepts numbers', () => {
    const c = tensor([true, false]);
    expect(where(c, int([1, 2]), 0.5).dtype).toBe('float32');
    expect(where(c, int([1, 2]), 0.5).toArray()).toEqual([1, 0.5]);
    expect(where(c, int([1, 2]), 7).dtype).toBe('int32');
    expect(where(c, 1, 0).toArray()).toEqual([1, 0]);
  });
});

describe('memory', () => {
  it('frees the scalar tensors and casts it creates', () => {
    const backend = getBackend();
    const x = int([1, 2, 3]);
    const before = backend.numDataIds();
    const y = tidy(() => [add(x, 0.5), div(x, 2), pow(x, 2), logicalAnd(x, 1), where(gt(x, 1), x, 0.5)]);
    expect(backend.numDataIds()).toBe(before + y.length);
    for (const t of y) t.dispose();
    const z = add(x, 0.5); // outside tidy: only the result stays
    expect(backend.numDataIds()).toBe(before + 1);
    z.dispose();
  });
});
