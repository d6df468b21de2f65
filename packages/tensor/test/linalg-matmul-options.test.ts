import { describe, expect, it } from 'vitest';
import { ArgumentError, Generator, matmul, randn, transpose } from '../src/index.js';

describe('matmul transpose options', () => {
  const g = new Generator(3);
  const cases: [string, number[], number[], boolean, boolean][] = [
    ['2-D, transposeA', [4, 3], [4, 5], true, false],
    ['2-D, transposeB', [3, 4], [5, 4], false, true],
    ['2-D, both', [4, 3], [5, 4], true, true],
    ['batched with broadcast, both', [2, 1, 4, 3], [3, 5, 4], true, true],
    ['matrix times batched, transposeB', [3, 4], [2, 5, 4], false, true],
  ];
  for (const [name, aShape, bShape, ta, tb] of cases) {
    it(`equals the product of explicit transposes: ${name}`, () => {
      const a = randn(aShape, { generator: g, dtype: 'float64' });
      const b = randn(bShape, { generator: g, dtype: 'float64' });
      const want = matmul(ta ? transpose(a, -2, -1) : a, tb ? transpose(b, -2, -1) : b);
      const got = matmul(a, b, { transposeA: ta, transposeB: tb });
      expect(got.shape).toEqual(want.shape);
      const w = want.dataSync();
      got.dataSync().forEach((v, i) => expect(v).toBeCloseTo(w[i]!, 12));
    });
  }

  it('rejects transposing a vector and non-boolean flags', () => {
    const v = randn([3], { generator: g });
    const m = randn([3, 3], { generator: g });
    expect(() => matmul(v, m, { transposeA: true })).toThrow(ArgumentError);
    expect(() => matmul(m, m, { transposeB: 1 as unknown as boolean })).toThrow(ArgumentError);
  });
});
