// gradcheck (float64 central differences against autograd) through every loss module, wrt the input and
// every float target, for each reduction and option.
import { gradcheck } from '@nn/autograd';
import { tensor, tidy, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  HuberLoss,
  L1Loss,
  MSELoss,
  NLLLoss,
  SmoothL1Loss,
} from '../src/losses/index.js';
import type { Module } from '../src/module/module.js';
import { noLeakWith } from './support/leaks.js';

type Loss = Module<[Tensor, Tensor], Tensor>;
const f64 = (values: number[], shape?: number[]): Tensor => tensor(values, { dtype: 'float64', shape });
const int = (values: number[], shape?: number[]): Tensor => tensor(values, { dtype: 'int32', shape });
const REDUCTIONS = ['mean', 'sum', 'none'] as const;

/** gradcheck of `loss(x, t)` wrt x (and t when `target` is float), in tidy, leaving nothing behind. */
function check(make: () => Loss, x: () => Tensor, target: () => Tensor): void {
  noLeakWith(
    () => tidy(() => make()).to('float64'), // tidy frees the weights given to the constructor (it copies them)
    (loss) => {
      const t = target();
      if (t.dtype === 'float64') expect(gradcheck((a: Tensor, b: Tensor) => loss.call(a, b), [x(), t])).toBe(true);
      else expect(gradcheck((a: Tensor) => loss.call(a, t), [x()])).toBe(true);
    },
  );
}

// Inputs and targets keep clear of every kink (|x − t| away from 0 and from delta / beta).
const X = (): Tensor => f64([0.3, -1.2, 2.5, 0.7, -0.4, 1.9], [2, 3]);
const T = (): Tensor => f64([-0.5, 0.1, 0.2, 1.4, -2.1, 2.3], [2, 3]);
const W3 = (): Tensor => f64([0.5, 2, 1.25]);

describe.each(REDUCTIONS)('gradcheck of the losses, reduction %s', (reduction) => {
  it('MSELoss, L1Loss', () => {
    check(() => new MSELoss({ reduction }), X, T);
    check(() => new L1Loss({ reduction }), X, T);
  });

  it('HuberLoss, SmoothL1Loss (both regimes)', () => {
    check(() => new HuberLoss({ reduction }), X, T);
    check(() => new HuberLoss({ reduction, delta: 0.5 }), X, T);
    check(() => new SmoothL1Loss({ reduction }), X, T);
    check(() => new SmoothL1Loss({ reduction, beta: 2 }), X, T);
    check(() => new SmoothL1Loss({ reduction, beta: 0 }), X, T);
  });

  it('NLLLoss (weights, ignored targets, K-dim, unbatched)', () => {
    check(
      () => new NLLLoss({ reduction }),
      X,
      () => int([2, 0]),
    );
    check(
      () => new NLLLoss({ reduction, weight: W3() }),
      X,
      () => int([1, -100]),
    );
    check(
      () => new NLLLoss({ reduction }),
      () => f64([0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8], [2, 2, 2]),
      () => int([0, 1, 1, 0], [2, 2]),
    );
    check(
      () => new NLLLoss({ reduction }),
      () => f64([0.1, -0.2, 0.3]),
      () => int([2], []),
    );
  });

  it('CrossEntropyLoss with class indices (weights, ignoreIndex, label smoothing, K-dim, unbatched)', () => {
    check(
      () => new CrossEntropyLoss({ reduction }),
      X,
      () => int([2, 0]),
    );
    check(
      () => new CrossEntropyLoss({ reduction, weight: W3(), ignoreIndex: 1 }),
      X,
      () => int([1, 2]),
    );
    check(
      () => new CrossEntropyLoss({ reduction, labelSmoothing: 0.2 }),
      X,
      () => int([0, -100]),
    );
    check(
      () => new CrossEntropyLoss({ reduction, weight: W3(), labelSmoothing: 0.1 }),
      X,
      () => int([2, 1]),
    );
    const k = (): Tensor => f64([0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9, 1.0, -1.1, 1.2], [2, 3, 2]);
    check(
      () => new CrossEntropyLoss({ reduction, weight: W3(), labelSmoothing: 0.3 }),
      k,
      () => int([0, 2, 1, -100], [2, 2]),
    );
    check(
      () => new CrossEntropyLoss({ reduction }),
      () => f64([1.5, -0.5, 0.25]),
      () => int([1], []),
    );
  });

  it('CrossEntropyLoss with class probabilities (weights, label smoothing, K-dim)', () => {
    const p = (): Tensor => f64([0.2, 0.5, 0.3, 0.6, 0.1, 0.3], [2, 3]);
    check(() => new CrossEntropyLoss({ reduction }), X, p);
    check(() => new CrossEntropyLoss({ reduction, weight: W3(), labelSmoothing: 0.25 }), X, p);
    check(
      () => new CrossEntropyLoss({ reduction }),
      () => f64([0.5, -1, 2, 0.25], [1, 2, 2]),
      () => f64([0.3, 0.9, 0.7, 0.1], [1, 2, 2]),
    );
  });

  it('BCELoss, BCEWithLogitsLoss (weights, posWeight)', () => {
    const probs = (): Tensor => f64([0.2, 0.7, 0.45, 0.9, 0.15, 0.6], [2, 3]);
    const labels = (): Tensor => f64([1, 0, 0.3, 1, 0, 0.8], [2, 3]);
    check(() => new BCELoss({ reduction }), probs, labels);
    check(() => new BCELoss({ reduction, weight: W3() }), probs, labels);
    check(() => new BCEWithLogitsLoss({ reduction }), X, labels);
    check(() => new BCEWithLogitsLoss({ reduction, weight: W3(), posWeight: f64([3, 0.5, 1]) }), X, labels);
    check(
      () => new BCEWithLogitsLoss({ reduction, posWeight: f64([2]) }),
      () => f64([30, -30, 0.5, -0.5]),
      () => f64([1, 0, 0.5, 0.25]),
    );
  });
});
