import { add, cast, mul, neg, softplus, sub, tidy, type Tensor } from '@nn/tensor';
import { checkOptions } from '../activations/checks.js';
import { checkBroadcastWeight } from './binary-weights.js';
import { checkElementwisePair, checkReduction, reduceLoss } from './reduction.js';
import type { BCELossOptions } from './binary-cross-entropy.js';

/** Options of `binaryCrossEntropyWithLogits` / `BCEWithLogitsLoss`. @category Losses */
export interface BCEWithLogitsLossOptions extends BCELossOptions {
  /**
   * The weight of the positive term, broadcasting to the input's shape, usually one per class
   * (`[C]`): `posWeight > 1` raises recall, `< 1` precision (default: none, i.e. 1).
   */
  posWeight?: Tensor | null;
}

/**
 * The binary cross-entropy of logits, as PyTorch's `binary_cross_entropy_with_logits`: per
 * element `weight · ((1 − t) · x + (1 + (posWeight − 1) · t) · softplus(−x))`, which is
 * `−weight · (posWeight · t · log σ(x) + (1 − t) · log(1 − σ(x)))` computed without forming σ(x):
 * `softplus(−x) = max(−x, 0) + log1p(e^(−|x|))` never overflows, so logits of ±1e4 give exact,
 * finite losses (0 or 1e4). Prefer it to `sigmoid` + `binaryCrossEntropy`.
 *
 * `input: [*]`, `target: [*]` (the same shape and float dtype), `weight` and `posWeight`
 * broadcasting to `[*]` → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param input - logits, float.
 * @param target - targets in `[0, 1]` (gradients flow to it too).
 * @param options - `weight`, `posWeight`, `reduction` (default `'mean'`).
 * @throws `ShapeError` when the shapes differ or a weight does not broadcast;
 *   `DTypeError` when `input` is not float or `target` (e.g. int32 labels) has another
 *   dtype; `ArgumentError` for a bad reduction or an unknown option.
 * @example
 * ```ts
 * const x = tensor([10000, -10000, 10000, -10000]);
 * binaryCrossEntropyWithLogits(x, tensor([1, 0, 0, 1]), { reduction: 'none' }).toArray(); // [0, 0, 10000, 10000]
 * binaryCrossEntropyWithLogits(tensor([0]), tensor([1])).item();                          // ≈ 0.693147
 * binaryCrossEntropyWithLogits(tensor([0]), tensor([1]), { posWeight: tensor([3]) }).item(); // ≈ 2.079442
 * ```
 * @category Losses
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  options: BCEWithLogitsLossOptions = {},
): Tensor {
  const op = 'binaryCrossEntropyWithLogits';
  const [x, t] = checkElementwisePair(op, input, target);
  const o = checkOptions(op, options, ['weight', 'posWeight', 'reduction']);
  const reduction = checkReduction(op, o.reduction);
  const weight = checkBroadcastWeight(op, 'weight', o.weight, x.shape, 'a weight');
  const posWeight = checkBroadcastWeight(op, 'posWeight', o.posWeight, x.shape, 'a positive-class weight');
  return tidy(() => {
    const as = (w: Tensor): Tensor => (w.dtype === x.dtype ? w : cast(w, x.dtype));
    // −log σ(x) with no threshold switch: exact and finite for every finite x.
    const negLogSigmoid = softplus(neg(x), 1, Infinity);
    const positive = posWeight === null ? negLogSigmoid : mul(add(mul(sub(as(posWeight), 1), t), 1), negLogSigmoid);
    const loss = add(mul(sub(1, t), x), positive);
    return reduceLoss(weight === null ? loss : mul(loss, as(weight)), reduction);
  });
}
