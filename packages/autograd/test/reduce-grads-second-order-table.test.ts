import {
  add,
  createCpuBackend,
  cumsum,
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
  sum,
  tensor,
  tidy,
  variance,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { secondOrderCheck } from './support/second-order-check.js';
import { customGrad, detach, GRADIENTS, grad, gradgradcheck, NON_DIFFERENTIABLE, valueAndGrad } from '../src/index.js';
import { f64, sample } from './support/reduce-samples.js';

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

  it('core gradgradcheck fails on a first derivative that is not differentiable', () => {
    const cube = customGrad((x: Tensor) => ({
      value: mul(mul(x, x), x),
      gradFunc: (dy) => mul(dy, detach(mul(mul(x, x), 3))),
    }));
    expect(() => gradgradcheck((t: Tensor) => cube(t), [f64([0.5, -1.5, 2])])).toThrow();
  });
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
