import {
  ArgumentError,
  cast,
  clamp,
  gt,
  log,
  log1p,
  lt,
  mul,
  neg,
  sub,
  add,
  tidy,
  where,
  type Tensor,
} from '@nn/tensor';
import { checkOptions } from '../activations/checks.js';
import { checkBroadcastWeight } from './binary-weights.js';
import { checkElementwisePair, checkReduction, reduceLoss, type LossOptions } from './reduction.js';

/** Options of `binaryCrossEntropy` / `BCELoss`. @category Losses */
export interface BCELossOptions extends LossOptions {
  /** Multiplies each element's loss; broadcasts to the input's shape (default: none). */
  weight?: Tensor | null;
}

/** `max(log(x), −100)` with a zero (not NaN) gradient where it is clamped, including `x = 0`. */
function clampedLog(x: Tensor): Tensor {
  const positive = gt(x, 0);
  // log(1) in the masked-out lanes keeps their gradient 0·1 = 0 instead of 0·∞.
  return clamp(where(positive, log(where(positive, x, 1)), -100), -100);
}

/** `max(log(1 − x), −100)` through `log1p(−x)`, with the same care at `x = 1`. */
function clampedLog1m(x: Tensor): Tensor {
  const below = lt(x, 1);
  return clamp(where(below, log1p(neg(where(below, x, 0))), -100), -100);
}

/**
 * The binary cross-entropy of probabilities, as PyTorch's `binary_cross_entropy`: per element
 * `−weight · (t · log(x) + (1 − t) · log(1 − x))`, each log clamped at −100 so that `x = 0` or `1`
 * gives a finite loss (100 at worst), then reduced. For logits use the stabler
 * `binaryCrossEntropyWithLogits`.
 *
 * The gradient wrt `input` is `weight · (x − t) / (x · (1 − x))`; where a log is clamped (`x` is
 * exactly 0 or 1, or within e⁻¹⁰⁰ of it) that log contributes 0, where PyTorch divides by
 * `max(x(1 − x), 1e-12)` instead.
 *
 * `input: [*]`, `target: [*]` (the same shape and float dtype), `weight` broadcasting to `[*]`
 * → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param input - probabilities in `[0, 1]` (e.g. from `sigmoid`).
 * @param target - targets in `[0, 1]` (gradients flow to it too).
 * @param options - `weight`, `reduction` (default `'mean'`).
 * @throws `ArgumentError` when an input value is outside `[0, 1]` (or NaN: read on the
 *   host, as PyTorch checks), for a bad reduction or an unknown option; `ShapeError` when
 *   the shapes differ or the weight does not broadcast; `DTypeError` when `input` is not
 *   float or `target` (e.g. int32 labels) has another dtype.
 * @example
 * ```ts
 * binaryCrossEntropy(tensor([0.5, 0.9]), tensor([1, 1]), { reduction: 'none' }).toArray(); // ≈ [0.693147, 0.105361]
 * binaryCrossEntropy(tensor([0, 1]), tensor([1, 0]), { reduction: 'none' }).toArray();     // [100, 100]
 * binaryCrossEntropy(tensor([1.5]), tensor([1]));                                          // throws ArgumentError
 * binaryCrossEntropy(tensor([0.5]), tensor([1], { dtype: 'int32' }));                      // throws DTypeError
 * ```
 * @category Losses
 */
export function binaryCrossEntropy(input: Tensor, target: Tensor, options: BCELossOptions = {}): Tensor {
  const op = 'binaryCrossEntropy';
  const [x, t] = checkElementwisePair(op, input, target);
  const o = checkOptions(op, options, ['weight', 'reduction']);
  const reduction = checkReduction(op, o.reduction);
  const weight = checkBroadcastWeight(op, 'weight', o.weight, x.shape, 'a weight');
  const values = x.dataSync();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 1)) {
      throw new ArgumentError({
        op,
        arg: 'input',
        expected: 'probabilities in [0, 1]',
        got: `${v} at flat position ${i}`,
        hint: 'Apply sigmoid first, or use binaryCrossEntropyWithLogits on the logits',
      });
    }
  }
  return tidy(() => {
    // 0 − (…), not −(…): a perfect prediction's loss is +0, as in PyTorch.
    const loss = sub(0, add(mul(t, clampedLog(x)), mul(sub(1, t), clampedLog1m(x))));
    if (weight === null) return reduceLoss(loss, reduction);
    return reduceLoss(mul(loss, weight.dtype === x.dtype ? weight : cast(weight, x.dtype)), reduction);
  });
}
