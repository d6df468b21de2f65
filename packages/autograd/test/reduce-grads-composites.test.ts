import { div, logsumexp, mean, norm, std, sum, variance, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { grad, gradcheck } from '../src/index.js';
import { f64, sample, type Dim } from './support/reduce-samples.js';

// ---------------------------------------------------------------------------------------------
// First order: the public composites of the reduce group
// ---------------------------------------------------------------------------------------------

const COMPOSITE_DIMS: readonly (readonly [string, number[], Dim, boolean])[] = [
  ['all dims', [2, 3, 4], undefined, false],
  ['dim 0', [2, 3, 4], 0, false],
  ['dim 1, keepDim', [2, 3, 4], 1, true],
  ['dim -1', [2, 3, 4], -1, false],
  ['dims [0, 2], keepDim', [2, 3, 4], [0, 2], true],
];

describe('mean gradient', () => {
  [...COMPOSITE_DIMS, ['scalar', [], undefined, false] as const].forEach(([label, shape, dim, keepDim], i) => {
    it(`gradcheck: ${label}`, () => {
      expect(gradcheck((x: Tensor) => mean(x, dim, keepDim), [sample(shape, 'smooth', 400 + i)])).toBe(true);
    });
  });
  it('gradcheck: normalising by the row sum, x / sum(x, 1, keepDim) (broadcast, repeated input)', () => {
    expect(gradcheck((x: Tensor) => div(x, sum(x, 1, true)), [sample([2, 3], 'nonzero', 9)])).toBe(true);
  });
});

for (const [name, op] of [
  ['variance', variance],
  ['std', std],
] as const) {
  describe(`${name} gradient`, () => {
    for (const correction of [0, 1]) {
      COMPOSITE_DIMS.forEach(([label, shape, dim, keepDim], i) => {
        it(`gradcheck: correction ${correction}, ${label}`, () => {
          const f = (x: Tensor) => op(x, dim, { correction, keepDim });
          expect(gradcheck(f, [sample(shape, 'smooth', 500 + 10 * correction + i)])).toBe(true);
        });
      });
    }
    it('gradcheck: default options (correction 1) on a 1-D tensor', () => {
      expect(gradcheck((x: Tensor) => op(x), [sample([5], 'smooth', 530)])).toBe(true);
    });
  });
}

describe('logsumexp gradient', () => {
  [...COMPOSITE_DIMS, ['scalar', [], undefined, false] as const].forEach(([label, shape, dim, keepDim], i) => {
    it(`gradcheck: ${label}`, () => {
      expect(gradcheck((x: Tensor) => logsumexp(x, dim, keepDim), [sample(shape, 'smooth', 600 + i)])).toBe(true);
    });
  });
  it('gradcheck: large logits [1000, 0]', () => {
    expect(gradcheck((x: Tensor) => logsumexp(x), [f64([1000, 0])])).toBe(true);
  });
  it('gradcheck: large logits per row, [[1000, 0, 1], [-1000, 5, 5.5]] along dim 1', () => {
    expect(
      gradcheck(
        (x: Tensor) => logsumexp(x, 1),
        [
          f64([
            [1000, 0, 1],
            [-1000, 5, 5.5],
          ]),
        ],
      ),
    ).toBe(true);
  });
  it('has the finite gradient softmax(x) at large logits', () => {
    const g = grad((x: Tensor) => logsumexp(x))(f64([1000, 0])).toArray() as number[];
    expect(g.every(Number.isFinite)).toBe(true);
    expect(g[0]).toBeCloseTo(1, 12);
    expect(g[1]).toBeCloseTo(Math.exp(-1000), 12);
    const h = grad((x: Tensor) => logsumexp(x))(f64([0, Math.log(3)])).toArray() as number[];
    expect(h[0]).toBeCloseTo(0.25, 12);
    expect(h[1]).toBeCloseTo(0.75, 12);
  });
  it('gives 0 to a −Infinity logit', () => {
    const g = grad((x: Tensor) => logsumexp(x))(f64([0, -Infinity])).toArray() as number[];
    expect(g).toEqual([1, 0]);
  });
});

describe('norm gradient', () => {
  for (const p of [1, 2, 'fro', 'inf', 3] as const) {
    COMPOSITE_DIMS.forEach(([label, shape, dim, keepDim], i) => {
      it(`gradcheck: p=${String(p)}, ${label}`, () => {
        expect(gradcheck((x: Tensor) => norm(x, p, dim, keepDim), [sample(shape, 'distinct', 700 + i)])).toBe(true);
      });
    });
  }
  it('gradcheck: default p (2) and p=Infinity on a 1-D tensor', () => {
    expect(gradcheck((x: Tensor) => norm(x), [sample([5], 'distinct', 750)])).toBe(true);
    expect(gradcheck((x: Tensor) => norm(x, Infinity), [sample([5], 'distinct', 751)])).toBe(true);
  });
});
