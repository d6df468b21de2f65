import { describe, expect, it } from 'vitest';
import { gemm } from '../src/backends/cpu/kernels/linalg/gemm.js';
import { runKernel } from '../src/engine/engine.js';
import {
  DTypeError,
  dot,
  getBackend,
  matmul,
  onOp,
  ones,
  outer,
  ShapeError,
  tensor,
  tidy,
  type OpRecord,
} from '../src/index.js';

/** Deterministic values in [-1, 1). */
function seeded(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

function naive(
  m: number,
  n: number,
  k: number,
  a: ArrayLike<number>,
  ta: boolean,
  b: ArrayLike<number>,
  tb: boolean,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ta ? p * m + i : i * k + p]! * b[tb ? j * k + p : p * n + j]!;
      c[i * n + j] = s;
    }
  }
  return c;
}

describe('gemm (the blocked CPU product)', () => {
  // Sizes straddle the micro-tile (4×8), the row/column blocks (64/512) and the depth block (256).
  const sizes: [number, number, number][] = [
    [1, 1, 1],
    [1, 9, 5],
    [7, 1, 6],
    [4, 8, 3],
    [5, 9, 17],
    [65, 31, 257],
    [3, 530, 12],
    [130, 17, 600],
  ];
  for (const [m, n, k] of sizes) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      it(`matches a naive product for m=${m} n=${n} k=${k}${ta ? ' Aᵀ' : ''}${tb ? ' Bᵀ' : ''}`, () => {
        const a = seeded(m * k, m * 7 + k);
        const b = seeded(k * n, n * 13 + k);
        const want = naive(m, n, k, a, ta, b, tb);
        const got = new Float64Array(m * n);
        gemm(m, n, k, a, 0, ta ? 1 : k, ta ? m : 1, b, 0, tb ? 1 : n, tb ? k : 1, got, 0, n, false);
        for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 10);
      });
    }
  }

  it('accumulates into a strided float32 C with a single rounding', () => {
    const [m, n, k] = [6, 10, 300];
    const a = seeded(m * k, 1);
    const b = seeded(k * n, 2);
    const want = naive(m, n, k, a, false, b, false);
    // C lives inside a wider buffer (row stride 12, offset 3) and starts at 1.
    const c = new Float32Array(3 + m * 12).fill(1);
    gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 3, 12, true);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) expect(c[3 + i * 12 + j]).toBe(Math.fround(Math.fround(1) + want[i * n + j]!));
      // Entries between rows are untouched.
      expect(c[3 + i * 12 + n]).toBe(1);
    }
  });

  it('writes zeros for an empty inner dimension', () => {
    const c = new Float64Array(6).fill(5);
    gemm(2, 3, 0, new Float64Array(0), 0, 0, 1, new Float64Array(0), 0, 3, 1, c, 0, 3, false);
    expect([...c]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('matmul', () => {
  it('handles the documented examples', () => {
    expect(
      matmul(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([[5], [6]]),
      ).toArray(),
    ).toEqual([[17], [39]]);
    expect(
      matmul(
        tensor([1, 2]),
        tensor([
          [1, 0],
          [0, 1],
        ]),
      ).toArray(),
    ).toEqual([1, 2]);
    expect(matmul(ones([5, 2, 3]), ones([3, 4])).shape).toEqual([5, 2, 4]);
    expect(dot(tensor([1, 2, 3]), tensor([4, 5, 6])).item()).toBe(32);
    expect(outer(tensor([1, 2]), tensor([3, 4, 5])).toArray()).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
  });

  it('rounds a float32 product once, from a double sum', () => {
    // 1 + 2^-24 + 2^-24 is 1 + 2^-23 in double; summing in float32 would lose both small terms.
    const a = tensor([[1, 2 ** -24, 2 ** -24]]);
    const b = tensor([[1], [1], [1]]);
    expect(matmul(a, b).item()).toBe(1 + 2 ** -23);
  });

  it('gives an int32 result for int32 operands and wraps on overflow', () => {
    const a = tensor([[2 ** 30, 2 ** 30]], { dtype: 'int32' });
    const b = tensor([[2], [2]], { dtype: 'int32' });
    const y = matmul(a, b);
    expect(y.dtype).toBe('int32');
    expect(y.item()).toBe(0);
  });

  it('names both shapes when the inner dimensions differ', () => {
    let error: unknown;
    try {
      matmul(ones([2, 3]), ones([4, 5]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShapeError);
    const message = (error as Error).message;
    expect(message).toContain('matmul(a, b): expected a.shape[-1] = b.shape[-2]');
    expect(message).toContain('[2,3]');
    expect(message).toContain('[4,5]');
  });

  it('rejects bool and 0-D operands', () => {
    expect(() => matmul(tensor([true]), tensor([true]))).toThrow(DTypeError);
    expect(() => matmul(tensor(2), tensor([1]))).toThrow(ShapeError);
    expect(() => dot(ones([2]), ones([3]))).toThrow(/dot\(a, b\): expected vectors of equal length/);
  });

  it('reaches the MatMul primitive with plain attrs, reshaping 1-D operands around it', () => {
    const records: OpRecord[] = [];
    const stop = onOp((r) => records.push(r));
    tidy(() => matmul(ones([3]), ones([3, 2])));
    stop();
    expect(records.map((r) => r.op)).toEqual(['Reshape', 'MatMul', 'Reshape']);
    expect(records[1]!.attrs).toEqual({ transposeA: false, transposeB: false });
  });

  it('implements the transpose attrs in the kernel', () => {
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]); // used as aᵀ: [3, 2]
    const b = tensor([
      [1, 0],
      [0, 1],
      [1, 1],
    ]); // b · bᵀ: [3, 3]
    expect(runKernel('MatMul', { a, b: a }, { transposeA: true, transposeB: false }).toArray()).toEqual([
      [17, 22, 27],
      [22, 29, 36],
      [27, 36, 45],
    ]);
    expect(runKernel('MatMul', { a: b, b }, { transposeA: false, transposeB: true }).toArray()).toEqual([
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 2],
    ]);
  });

  it('leaves no intermediate tensors behind', () => {
    const backend = getBackend();
    const a = ones([4]);
    const b = ones([2, 4, 3]);
    const before = backend.numDataIds();
    const y = matmul(a, b);
    expect(y.shape).toEqual([2, 3]);
    expect(backend.numDataIds()).toBe(before + 1);
  });
});
