import { add, cumsum, logSoftmax, max, min, mul, prod, softmax, sub, sum, tensor, type Tensor } from '@nn/tensor';
import { runKernel } from '@nn/tensor/backend';
import { describe, expect, it } from 'vitest';
import { grad, gradcheck } from '../src/index.js';
import { f64, sample, type Dim, type Kind } from './support/reduce-samples.js';

/** Reduction samples: all dims, first/middle/last, non-adjacent, keepDim both ways, odd shapes, scalars. */
const REDUCE_CASES: readonly (readonly [label: string, shape: number[], dim: Dim, keepDim: boolean])[] = [
  ['all dims', [2, 3, 4], undefined, false],
  ['all dims, keepDim', [2, 3, 4], undefined, true],
  ['dim 0 (first)', [2, 3, 4], 0, false],
  ['dim 0 (first), keepDim', [2, 3, 4], 0, true],
  ['dim 1 (middle)', [2, 3, 4], 1, false],
  ['dim 1 (middle), keepDim', [2, 3, 4], 1, true],
  ['dim -1 (last)', [2, 3, 4], -1, false],
  ['dim 2 (last), keepDim', [2, 3, 4], 2, true],
  ['dims [0, 2] (non-adjacent)', [2, 3, 4], [0, 2], false],
  ['dims [2, 0] (non-adjacent), keepDim', [2, 3, 4], [2, 0], true],
  ['dims [0, 1, 2] listed', [2, 3, 4], [0, 1, 2], false],
  ['dims [-3, -1] of a rank-4 tensor', [2, 1, 2, 3], [-3, -1], false],
  ['odd shape [3, 1, 5], dim 1 of size 1', [3, 1, 5], 1, false],
  ['odd shape [3, 1, 5], dims [0, 2], keepDim', [3, 1, 5], [0, 2], true],
  ['1-D', [5], 0, false],
  ['1-D, all dims, keepDim', [5], undefined, true],
  ['scalar', [], undefined, false],
  ['scalar, dim 0, keepDim', [], 0, true],
  ['no dims (empty list)', [2, 3], [], false],
];

type Reduction = (x: Tensor, dim?: number | number[], keepDim?: boolean) => Tensor;

const PRIMITIVES: readonly (readonly [name: string, op: Reduction, kind: Kind])[] = [
  ['Sum', sum, 'smooth'],
  ['Prod', prod, 'nonzero'],
  ['Max', max, 'distinct'],
  ['Min', min, 'distinct'],
];

// ---------------------------------------------------------------------------------------------
// First order: every differentiable primitive
// ---------------------------------------------------------------------------------------------

for (const [name, op, kind] of PRIMITIVES) {
  describe(`${name} gradient`, () => {
    REDUCE_CASES.forEach(([label, shape, dim, keepDim], i) => {
      it(`gradcheck: ${label}`, () => {
        expect(gradcheck((x: Tensor) => op(x, dim, keepDim), [sample(shape, kind, 100 + i)])).toBe(true);
      });
    });
  });
}

describe('Sum gradient, composed', () => {
  it('gradcheck: repeated input, sum(x · x, 1) − sum(x)', () => {
    expect(gradcheck((x: Tensor) => sub(sum(mul(x, x), 1), sum(x)), [sample([3, 4], 'smooth', 1)])).toBe(true);
  });
  it('gradcheck: broadcast both ways, sum(x[2,1] · y[3], 0)', () => {
    const f = (x: Tensor, y: Tensor) => sum(mul(x, y), 0);
    expect(gradcheck(f, [sample([2, 1], 'smooth', 2), sample([3], 'smooth', 3)])).toBe(true);
  });
  it('gives exactly dy broadcast over the reduced dims', () => {
    const w = tensor(new Float64Array([1, 2, 3]), { shape: [1, 3, 1] });
    const g = grad((x: Tensor) => sum(mul(sum(x, [0, 2], true), w)))(sample([2, 3, 2], 'smooth', 4));
    const plane = [
      [1, 1],
      [2, 2],
      [3, 3],
    ];
    expect(g.toArray()).toEqual([plane, plane]);
  });
});

describe('Prod gradient at zeros (as PyTorch)', () => {
  const dprod = (x: Tensor, dim?: number) => grad((t: Tensor) => sum(prod(t, dim)))(x).toArray();

  it('no zero: prod / x_i', () => {
    expect(dprod(f64([2, 3, 4]))).toEqual([12, 8, 6]);
  });
  it('one zero: only the zero gets the product of the others', () => {
    expect(dprod(f64([2, 0, 3]))).toEqual([0, 6, 0]);
  });
  it('two or more zeros: every element gets 0', () => {
    expect(dprod(f64([0, 2, 0]))).toEqual([0, 0, 0]);
    expect(dprod(f64([0, 0, 0, 5]))).toEqual([0, 0, 0, 0]);
  });
  it('counts zeros per reduced slice', () => {
    const x = f64([
      [1, 0, 3],
      [0, 0, 2],
      [2, 3, 4],
    ]);
    expect(dprod(x, 1)).toEqual([
      [0, 3, 0],
      [0, 0, 0],
      [12, 8, 6],
    ]);
    expect(dprod(x, 0)).toEqual([
      [0, 0, 8],
      [2, 0, 12],
      [0, 0, 6],
    ]);
  });
  it('gradcheck: one zero in a slice', () => {
    expect(
      gradcheck(
        (x: Tensor) => prod(x, 1),
        [
          f64([
            [1.5, 0, -2],
            [0.5, 2, 3],
          ]),
        ],
      ),
    ).toBe(true);
  });
  it('gradcheck: two zeros in a slice', () => {
    expect(
      gradcheck(
        (x: Tensor) => prod(x, 1, true),
        [
          f64([
            [0, 1.5, 0],
            [0.5, 0, -3],
          ]),
        ],
      ),
    ).toBe(true);
  });
  it('gradcheck: all dims with one zero', () => {
    expect(
      gradcheck(
        (x: Tensor) => prod(x),
        [
          f64([
            [1.5, -0.5],
            [0, 2],
          ]),
        ],
      ),
    ).toBe(true);
  });
  it('gradcheck: repeated input, prod(x · x, 0)', () => {
    expect(gradcheck((x: Tensor) => prod(mul(x, x), 0), [sample([3, 2], 'nonzero', 5)])).toBe(true);
  });
});

describe('Max and Min gradients at ties (PyTorch amax/amin: even split)', () => {
  it('splits dy evenly among tied maxima', () => {
    expect(grad((x: Tensor) => max(x))(f64([1, 3, 3])).toArray()).toEqual([0, 0.5, 0.5]);
    expect(grad((x: Tensor) => max(x))(f64([4, 4, 4, 4])).toArray()).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('splits per reduced slice, weighted by dy', () => {
    const x = f64([
      [2, 2, 1],
      [0, 5, 5],
      [7, 1, 3],
    ]);
    const w = f64([2, 4, 8]);
    expect(grad((t: Tensor) => sum(mul(max(t, 1), w)))(x).toArray()).toEqual([
      [1, 1, 0],
      [0, 2, 2],
      [8, 0, 0],
    ]);
    expect(grad((t: Tensor) => sum(mul(min(t, 0, true), w)))(x).toArray()).toEqual([
      [0, 0, 8],
      [2, 0, 0],
      [0, 4, 0],
    ]);
  });
  it('splits among tied minima over several dims', () => {
    const x = tensor(new Float64Array([1, 2, 3, 1, 1, 1, 0, 0]), { shape: [2, 2, 2] });
    const g = grad((t: Tensor) => sum(min(t, [0, 2])))(x);
    expect(g.toArray()).toEqual([
      [
        [1 / 3, 0],
        [0, 0],
      ],
      [
        [1 / 3, 1 / 3],
        [0.5, 0.5],
      ],
    ]);
  });
  it('gives a NaN gradient to a slice whose result is NaN (as PyTorch amax)', () => {
    const g = grad((t: Tensor) => sum(max(t, 1)))(
      f64([
        [1, NaN],
        [2, 3],
      ]),
    ).toArray() as number[][];
    expect(g[0]!.every(Number.isNaN)).toBe(true);
    expect(g[1]).toEqual([0, 1]);
  });
  it('gradcheck: repeated input and broadcasting, x − max(x, 1, keepDim)', () => {
    expect(gradcheck((x: Tensor) => sub(x, max(x, 1, true)), [sample([3, 4], 'distinct', 6)])).toBe(true);
  });
  it('gradcheck: broadcast both ways, min(x[2,1] + y[3], 0)', () => {
    const f = (x: Tensor, y: Tensor) => min(add(x, y), 0);
    expect(gradcheck(f, [f64([[0.25], [1.5]]), f64([0.5, -1, 2])])).toBe(true);
  });
});

describe('Cumsum gradient', () => {
  const cases: readonly (readonly [string, number[], number])[] = [
    ['dim 0 (first)', [2, 3, 4], 0],
    ['dim 1 (middle)', [2, 3, 4], 1],
    ['dim 2 (last)', [2, 3, 4], 2],
    ['dim -1', [2, 3, 4], -1],
    ['odd shape [3, 1, 5], dim 1 of size 1', [3, 1, 5], 1],
    ['odd shape [3, 1, 5], dim 2', [3, 1, 5], 2],
    ['1-D', [6], 0],
    ['scalar', [], 0],
  ];
  cases.forEach(([label, shape, dim], i) => {
    it(`gradcheck: ${label}`, () => {
      expect(gradcheck((x: Tensor) => cumsum(x, dim), [sample(shape, 'smooth', 200 + i)])).toBe(true);
    });
  });
  // The public op always runs forward; the primitive's `reverse` attr is reached through runKernel.
  const reverseCases: readonly (readonly [string, number[], number])[] = [
    ['reverse, dim 1 of [2, 3, 4]', [2, 3, 4], 1],
    ['reverse, 1-D', [5], 0],
    ['reverse, dim 0 of [4, 2]', [4, 2], 0],
  ];
  reverseCases.forEach(([label, shape, axis], i) => {
    it(`gradcheck: ${label}`, () => {
      const f = (x: Tensor) => runKernel('Cumsum', { x }, { axis, reverse: true });
      expect(gradcheck(f, [sample(shape, 'smooth', 220 + i)])).toBe(true);
    });
  });
  it('is the reverse cumulative sum of dy (and the forward one for reverse)', () => {
    const w = f64([1, 2, 3, 4]);
    const x = f64([5, 6, 7, 8]);
    expect(grad((t: Tensor) => sum(mul(cumsum(t, 0), w)))(x).toArray()).toEqual([10, 9, 7, 4]);
    const reversed = (t: Tensor) => runKernel('Cumsum', { x: t }, { axis: 0, reverse: true });
    expect(grad((t: Tensor) => sum(mul(reversed(t), w)))(x).toArray()).toEqual([1, 3, 6, 10]);
  });
  it('gradcheck: repeated input, cumsum(x · x, 1) · x', () => {
    expect(gradcheck((x: Tensor) => mul(cumsum(mul(x, x), 1), x), [sample([2, 3], 'smooth', 7)])).toBe(true);
  });
});

const SOFTMAX_DIMS: readonly (readonly [string, number[], number | undefined])[] = [
  ['dim 0', [2, 3, 4], 0],
  ['dim 1', [2, 3, 4], 1],
  ['dim 2', [2, 3, 4], 2],
  ['dim -1', [2, 3, 4], -1],
  ['default dim (-1)', [3, 4], undefined],
  ['odd shape [3, 1, 5], dim 1 of size 1', [3, 1, 5], 1],
  ['1-D', [5], 0],
  ['scalar', [], 0],
];

for (const [name, op] of [
  ['Softmax', softmax],
  ['LogSoftmax', logSoftmax],
] as const) {
  describe(`${name} gradient`, () => {
    SOFTMAX_DIMS.forEach(([label, shape, dim], i) => {
      it(`gradcheck: ${label}`, () => {
        const f = (x: Tensor) => (dim === undefined ? op(x) : op(x, dim));
        expect(gradcheck(f, [sample(shape, 'smooth', 300 + i)])).toBe(true);
      });
    });
    it('gradcheck: large logits [[1000, 0], [0, -1000]] along each dim', () => {
      const x = f64([
        [1000, 0],
        [0, -1000],
      ]);
      expect(gradcheck((t: Tensor) => op(t, 1), [x])).toBe(true);
      expect(gradcheck((t: Tensor) => op(t, 0), [x])).toBe(true);
    });
    it('gradcheck: repeated input, op(x) · x', () => {
      expect(gradcheck((x: Tensor) => mul(op(x, 0), x), [sample([3, 2], 'smooth', 8)])).toBe(true);
    });
  });
}

describe('Softmax and LogSoftmax gradient values', () => {
  it('softmax: the gradient of a weighted sum is y · (w − Σ w·y)', () => {
    const x = f64([0, Math.log(3)]); // y = [0.25, 0.75]
    const g = grad((t: Tensor) => sum(mul(softmax(t), f64([1, 0]))))(x).toArray() as number[];
    expect(g[0]).toBeCloseTo(0.25 * 0.75, 12);
    expect(g[1]).toBeCloseTo(-0.25 * 0.75, 12);
  });
  it('logSoftmax: the gradient of the sum is 1 − n · softmax', () => {
    const g = grad((t: Tensor) => sum(logSoftmax(t)))(f64([0, Math.log(3)])).toArray() as number[];
    expect(g[0]).toBeCloseTo(1 - 2 * 0.25, 12);
    expect(g[1]).toBeCloseTo(1 - 2 * 0.75, 12);
  });
  it('stays finite for large logits', () => {
    const x = f64([1000, 0, -1000]);
    const g = grad((t: Tensor) => sum(mul(logSoftmax(t), f64([1, 2, 3]))))(x).toArray() as number[];
    expect(g.every(Number.isFinite)).toBe(true);
    expect(g[0]).toBeCloseTo(1 - 6, 12);
    expect(g[1]).toBeCloseTo(2, 12);
    expect(g[2]).toBeCloseTo(3, 12);
  });
});
