// The numerical claims of the losses, as explicit values: cross-entropy of huge logits is exact, BCE with
// logits is exact and finite at ±1e4, BCE clamps its logs at −100 without NaN gradients, and the
// degenerate reductions give PyTorch's NaN.
import { backward, enableGrad } from '@nn/autograd';
import { all, isFinite as finite, sum, tensor, tidy, Variable, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  nllLoss,
} from '../src/functional/losses/index.js';
import { BCEWithLogitsLoss, CrossEntropyLoss } from '../src/losses/index.js';
import { noLeak } from './support/leaks.js';

const int = (values: number[] | number): Tensor => tensor(values as number[], { dtype: 'int32' });

/** The loss values and the gradient wrt `x` of `sum(f(x))` (for 'none', each element's own gradient). */
function lossAndGrad(f: (x: Tensor) => Tensor, x: Tensor): { loss: number[]; grad: number[] } {
  const stop = enableGrad();
  const v = new Variable(x);
  try {
    return tidy(() => {
      const loss = f(v.value);
      backward(sum(loss));
      return { loss: Array.from(loss.dataSync()), grad: Array.from(v.grad!.dataSync()) };
    });
  } finally {
    stop();
    v.grad?.dispose();
    v.value.dispose();
  }
}

describe.each(['float32', 'float64'] as const)('loss stability in %s', (dtype) => {
  it('cross-entropy of logits [1000, 0] is exactly 0 for class 0 and 1000 for class 1', () =>
    noLeak(() => {
      const x = tensor([[1000, 0]], { dtype });
      const a = lossAndGrad((l) => crossEntropy(l, int([0])), tensor([[1000, 0]], { dtype }));
      expect(a.loss).toEqual([0]);
      expect(Object.is(a.loss[0], 0)).toBe(true); // +0, as PyTorch
      expect(a.grad).toEqual([0, 0]);
      const b = lossAndGrad((l) => crossEntropy(l, int([1])), tensor([[1000, 0]], { dtype }));
      expect(b.loss).toEqual([1000]);
      expect(b.grad).toEqual([1, -1]);
      // The same through the module, unbatched, with probabilities, and with every reduction.
      const ce = new CrossEntropyLoss({ reduction: 'none' });
      expect(ce.call(x, int([1])).toArray()).toEqual([1000]);
      expect(crossEntropy(tensor([1000, 0], { dtype }), int(1)).item()).toBe(1000);
      expect(crossEntropy(x, tensor([[0, 1]], { dtype })).item()).toBe(1000);
      expect(crossEntropy(x, tensor([[1, 0]], { dtype })).item()).toBe(0);
      expect(
        crossEntropy(
          tensor(
            [
              [0, 1000],
              [1000, 0],
            ],
            { dtype },
          ),
          int([0, 0]),
          { reduction: 'sum' },
        ).item(),
      ).toBe(1000);
      expect(crossEntropy(tensor([[-1000, 1000]], { dtype }), int([0])).item()).toBe(2000);
      ce.dispose();
    }));

  it('BCE with logits is exact and finite at ±1e4, with gradients', () =>
    noLeak(() => {
      const x = [1e4, -1e4, 1e4, -1e4];
      const t = tensor([1, 0, 0, 1], { dtype });
      const r = lossAndGrad((l) => binaryCrossEntropyWithLogits(l, t, { reduction: 'none' }), tensor(x, { dtype }));
      expect(r.loss).toEqual([0, 0, 1e4, 1e4]);
      expect(r.grad).toEqual([0, 0, 1, -1]); // σ(x) − t
      const m = lossAndGrad((l) => binaryCrossEntropyWithLogits(l, t), tensor(x, { dtype }));
      expect(m.loss).toEqual([5000]);
      const pw = tensor([3], { dtype });
      const p = lossAndGrad(
        (l) => binaryCrossEntropyWithLogits(l, t, { reduction: 'none', posWeight: pw }),
        tensor(x, { dtype }),
      );
      expect(p.loss).toEqual([0, 0, 1e4, 3e4]);
      expect(p.grad.every(Number.isFinite)).toBe(true);
      const soft = new BCEWithLogitsLoss({ reduction: 'none' });
      const s = soft.call(tensor([1e4, -1e4], { dtype }), tensor([0.25, 0.75], { dtype }));
      expect(s.toArray()).toEqual([7500, 7500]);
      expect(all(finite(s)).item()).toBe(true);
      soft.dispose();
    }));

  it('BCE clamps the logs at −100 and keeps gradients finite at 0 and 1', () =>
    noLeak(() => {
      const t = tensor([1, 0, 0, 1], { dtype });
      const r = lossAndGrad((p) => binaryCrossEntropy(p, t, { reduction: 'none' }), tensor([0, 1, 0, 1], { dtype }));
      expect(r.loss).toEqual([100, 100, 0, 0]);
      expect(r.loss.map((v) => Object.is(v, 0))).toEqual([false, false, true, true]); // +0 for a perfect prediction
      // PyTorch divides by max(x(1 − x), 1e-12) here (±1e12); ours is 0 where the log is clamped. Both finite.
      expect(r.grad.every(Number.isFinite)).toBe(true);
      const mid = lossAndGrad((p) => binaryCrossEntropy(p, t), tensor([0.5, 0.5, 0.5, 0.5], { dtype }));
      expect(mid.loss[0]).toBeCloseTo(Math.LN2, 6);
    }));

  it('a mean over nothing is NaN, as in PyTorch', () =>
    noLeak(() => {
      const x = tensor(
        [
          [0.5, -0.5],
          [1, 2],
        ],
        { dtype },
      );
      expect(crossEntropy(x, int([-100, -100])).item()).toBeNaN();
      expect(crossEntropy(x, int([-100, -100]), { reduction: 'sum' }).item()).toBe(0);
      expect(nllLoss(x, int([-100, -100]), { weight: tensor([1, 1], { dtype }) }).item()).toBeNaN();
      expect(
        crossEntropy(tensor([], { dtype, shape: [0, 3] }), tensor([], { dtype: 'int32', shape: [0] })).item(),
      ).toBeNaN();
      expect(crossEntropy(tensor([], { dtype, shape: [0, 3] }), tensor([], { dtype, shape: [0, 3] })).item()).toBeNaN();
      expect(
        crossEntropy(tensor([], { dtype, shape: [0, 3] }), tensor([], { dtype: 'int32', shape: [0] }), {
          reduction: 'none',
        }).shape,
      ).toEqual([0]);
    }));
});
