import type { Tensor, Variable } from '@nn/tensor';
import { checkOptions } from '../functional/activations/checks.js';
import { binaryCrossEntropy, type BCELossOptions } from '../functional/losses/index.js';
import { checkReduction, type Reduction } from '../functional/losses/reduction.js';
import { Module } from '../module/module.js';
import { copyWeight } from './weight-buffer.js';

/**
 * The binary cross-entropy of probabilities, like `torch.nn.BCELoss(weight, reduction)`:
 * `−weight · (t · log x + (1 − t) · log(1 − x))` per element, logs clamped at −100, then reduced
 * (see `binaryCrossEntropy`). For logits use `BCEWithLogitsLoss`, which is stabler.
 *
 * `input: [*]` in `[0, 1]`, `target: [*]` (same shape and dtype) → `[]`, or `[*]` with
 * `reduction: 'none'`. The weight, when given, is copied into a buffer `weight` and must broadcast
 * to the input's shape.
 *
 * @param options - `weight`, `reduction` (default `'mean'`).
 * @throws `ArgumentError` for a bad reduction or option; `DTypeError` when the weight
 *   is not float.
 * @example
 * ```ts
 * const model = new Sequential(new Linear(3, 1), new Sigmoid());
 * new BCELoss().call(model.call(zeros([4, 3])), ones([4, 1])).shape;             // []
 * new BCELoss().call(new Sigmoid().call(zeros([4, 1])), ones([4, 1])).item();    // ≈ 0.693147
 * new BCELoss({ reduction: 'none' }).call(tensor([0, 1]), tensor([1, 0])).toArray(); // [100, 100]
 * ```
 * @category Losses
 */
export class BCELoss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;
  /** The per-element weight (a buffer), or null. */
  weight: Variable | null;

  constructor(options: BCELossOptions = {}) {
    super();
    const op = 'new BCELoss';
    const o = checkOptions(op, options, ['weight', 'reduction']);
    this.reduction = checkReduction(op, o.reduction);
    const w = copyWeight(op, 'weight', o.weight, false);
    this.weight = w === null ? null : this.registerBuffer(w, 'weight');
  }

  /**
   * Computes the loss.
   * @param input - probabilities `[*]` in `[0, 1]`, float.
   * @param target - targets `[*]`, the input's dtype.
   * @returns `[]`, or `[*]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropy(input, target, { weight: this.weight?.value ?? null, reduction: this.reduction });
  }
}
