import {
  add,
  createCpuBackend,
  cumsum,
  div,
  getBackend,
  logSoftmax,
  logsumexp,
  max,
  mean,
  min,
  mul,
  norm,
  prod,
  setBackend,
  softmax,
  std,
  sub,
  sum,
  tensor,
  tidy,
  variance,
  type Tensor,
} from '@nn/tensor';
import { runKernel } from '@nn/tensor/backend';
import { describe, expect, it } from 'vitest';
import { secondOrderCheck } from './support/second-order-check.js';
import {
  customGrad,
  detach,
  GRADIENTS,
  grad,
  gradcheck,
  gradgradcheck,
  NON_DIFFERENTIABLE,
  valueAndGrad,
} from '../src/index.js';

// ---------------------------------------------------------------------------------------------
// Samples. A small deterministic generator keeps every sample reproducible and lets each kind of
// sample stay away from the points where the op under test is not differentiable.
// ---------------------------------------------------------------------------------------------

type Kind =
  /** Uniform in (-2, 2). */
  | 'smooth'
  /** Distinct values with distinct magnitudes, all ≥ 0.3 apart and ≥ 0.3 from 0 (max/min/abs). */
  | 'distinct'
  /** Magnitudes in [0.5, 1.5] with random signs (products stay well scaled). */
  | 'nonzero';

function sample(shape: readonly number[], kind: Kind, seed: number): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  let s = (seed * 2654435761 + 12345) >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const values = new Float64Array(n);
  if (kind === 'distinct') {
    const order = Array.from({ length: n }, (_, i) => i + 1);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let i = 0; i < n; i++) values[i] = (next() < 0.5 ? -1 : 1) * (0.3 * order[i]! + 0.05 * next());
  } else {
    for (let i = 0; i < n; i++) {
      values[i] = kind === 'smooth' ? 4 * next() - 2 : (next() < 0.5 ? -1 : 1) * (0.5 + next());
    }
  }
  return tensor(values, { shape, dtype: 'float64' });
}

function f64(values: number[] | number[][]): Tensor {
  return tensor(values, { dtype: 'float64' });
}

type Dim = number | number[] | undefined;

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

// ---------------------------------------------------------------------------------------------
// Second order
// ---------------------------------------------------------------------------------------------

// Second-order checks use `secondOrderCheck` (test/support), which differentiates the first
// derivative with a nested `grad`, and the core `gradgradcheck`. The probe at the end of this block
// shows `gradgradcheck` fails on a first derivative that is not itself differentiable.

describe('second-order gradients', () => {
  const cases: readonly (readonly [string, (x: Tensor) => Tensor, Tensor])[] = [
    ['sum, all dims (of x · x)', (x) => sum(mul(x, x)), sample([2, 3], 'smooth', 800)],
    ['sum, dim 1, keepDim (of x · x)', (x) => sum(mul(x, x), 1, true), sample([2, 3], 'smooth', 801)],
    ['mean, dim 0 (of x · x · x)', (x) => mean(mul(mul(x, x), x), 0), sample([2, 3], 'smooth', 802)],
    ['prod, dim 1, no zeros', (x) => prod(x, 1), sample([2, 3], 'nonzero', 803)],
    ['prod, all dims, no zeros', (x) => prod(x), sample([2, 2], 'nonzero', 804)],
    [
      'prod, dim 1, one zero per row',
      (x) => prod(x, 1),
      f64([
        [1.5, 0, -2],
        [0, 0.5, 2],
      ]),
    ],
    [
      'prod, all dims, one zero',
      (x) => prod(x),
      f64([
        [1.5, -0.5],
        [0, 2],
      ]),
    ],
    ['max, dim 1, no ties (of x · x)', (x) => max(mul(x, x), 1), sample([2, 3], 'distinct', 805)],
    ['max, all dims, no ties (of x · x)', (x) => max(mul(x, x)), sample([2, 3], 'distinct', 806)],
    ['min, dim 0, no ties (of x · x)', (x) => min(mul(x, x), 0), sample([3, 2], 'distinct', 807)],
    ['cumsum, dim 1 (of x · x)', (x) => cumsum(mul(x, x), 1), sample([2, 3], 'smooth', 808)],
    ['softmax, dim -1', (x) => softmax(x), sample([2, 3], 'smooth', 809)],
    ['softmax, dim 0', (x) => softmax(x, 0), sample([3, 2], 'smooth', 810)],
    ['logSoftmax, dim -1', (x) => logSoftmax(x), sample([2, 3], 'smooth', 811)],
    ['logSoftmax, dim 0', (x) => logSoftmax(x, 0), sample([3, 2], 'smooth', 812)],
    ['logsumexp, dim 1', (x) => logsumexp(x, 1), sample([2, 3], 'smooth', 813)],
    ['logsumexp, all dims', (x) => logsumexp(x), sample([2, 3], 'smooth', 814)],
    ['variance, dim 1 (correction 1)', (x) => variance(x, 1), sample([2, 3], 'smooth', 815)],
    [
      'variance, all dims, correction 0',
      (x) => variance(x, undefined, { correction: 0 }),
      sample([2, 3], 'smooth', 816),
    ],
    ['std, dim 0', (x) => std(x, 0), sample([3, 2], 'smooth', 817)],
    ['norm p=2, dim 1', (x) => norm(x, 2, 1), sample([2, 3], 'distinct', 818)],
  ];
  it('second order: two inputs with broadcasting, logsumexp(x[2,3] · y[3], 1)', () => {
    const f = (x: Tensor, y: Tensor) => logsumexp(mul(x, y), 1);
    const inputs: [Tensor, Tensor] = [sample([2, 3], 'smooth', 819), sample([3], 'smooth', 820)];
    expect(secondOrderCheck(f, inputs)).toBe(81);
    expect(gradgradcheck(f, inputs)).toBe(true);
  });
  for (const [label, f, x] of cases) {
    it(`second order: ${label}`, () => {
      expect(secondOrderCheck(f, [x])).toBe(x.size * x.size);
      expect(gradgradcheck(f, [x])).toBe(true);
    });
  }

  it('secondOrderCheck fails on a first derivative that is not differentiable (it can fail)', () => {
    const cube = customGrad((x: Tensor) => ({
      value: mul(mul(x, x), x),
      gradFunc: (dy) => mul(dy, detach(mul(mul(x, x), 3))),
    }));
    expect(() => secondOrderCheck((t: Tensor) => cube(t), [f64([0.5, -1.5, 2])])).toThrow(/secondOrderCheck/);
  });

  it(
    'core gradgradcheck fails on a first derivative that is not differentiable',
    () => {
      const cube = customGrad((x: Tensor) => ({
        value: mul(mul(x, x), x),
        gradFunc: (dy) => mul(dy, detach(mul(mul(x, x), 3))),
      }));
      expect(() => gradgradcheck((t: Tensor) => cube(t), [f64([0.5, -1.5, 2])])).toThrow();
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Table, dtypes and memory
// ---------------------------------------------------------------------------------------------

describe('reduce gradient table', () => {
  it('has a rule for each differentiable reduction and a reason for the others', () => {
    for (const op of ['Sum', 'Prod', 'Max', 'Min', 'Cumsum', 'Softmax', 'LogSoftmax'] as const) {
      expect(GRADIENTS[op], op).toBeTypeOf('function');
    }
    expect(NON_DIFFERENTIABLE.All).toMatch(/bool/);
    expect(NON_DIFFERENTIABLE.Any).toMatch(/bool/);
    expect(NON_DIFFERENTIABLE.ArgMax).toMatch(/int32/);
    expect(NON_DIFFERENTIABLE.ArgMin).toMatch(/int32/);
  });

  const float32Ops: readonly (readonly [string, (x: Tensor) => Tensor])[] = [
    ['sum', (x) => sum(x, 1)],
    ['prod', (x) => prod(x, 0)],
    ['max', (x) => max(x, 1, true)],
    ['min', (x) => min(x)],
    ['cumsum', (x) => cumsum(x, 1)],
    ['softmax', (x) => softmax(x, 0)],
    ['logSoftmax', (x) => logSoftmax(x)],
  ];
  for (const [name, f] of float32Ops) {
    it(`${name}: the gradient of a float32 input is float32`, () => {
      const x = tensor([
        [1, -2, 3],
        [0.5, 4, -1],
      ]);
      const g = grad((t: Tensor) => sum(f(t)))(x);
      expect(g.dtype).toBe('float32');
      expect(g.shape).toEqual([2, 3]);
    });
  }

  it('frees every intermediate of the reduce rules', () => {
    const backend = createCpuBackend();
    const previous = getBackend();
    setBackend(backend);
    try {
      const x = tensor([
        [1, -2, 3],
        [0.5, 0, -1],
      ]);
      const baseline = backend.numDataIds();
      tidy(() => {
        const loss = (t: Tensor) =>
          add(
            add(add(sum(prod(t, 1)), sum(max(t, 0))), sum(min(t, [0, 1]))),
            add(add(sum(cumsum(t, 1)), sum(mul(softmax(t, 0), t))), sum(mul(logSoftmax(t), t))),
          );
        const { value, grads } = valueAndGrad(loss)(x);
        value.dispose();
        grads.dispose();
      });
      expect(backend.numDataIds()).toBe(baseline);
    } finally {
      setBackend(previous);
    }
  });
});
