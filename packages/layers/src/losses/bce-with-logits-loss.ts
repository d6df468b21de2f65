import type { Tensor, Variable } from '@nn/tensor';
import { checkOptions } from '../functional/activations/checks.js';
import { binaryCrossEntropyWithLogits, type BCEWithLogitsLossOptions } from '../functional/losses/index.js';
import { checkReduction, type Reduction } from '../functional/losses/reduction.js';
import { Module } from '../module/module.js';
import { copyWeight } from './weight-buffer.js';

/**
 * The binary cross-entropy of logits, like `torch.nn.BCEWithLogitsLoss(weight, reduction, pos_weight)`:
 * sigmoid and binary cross-entropy in one stable step, exact and finite even for logits of ±1e4
 * (see `binaryCrossEntropyWithLogits`). The loss for multi-label classification.
 *
 * `input: [*]` logits, `target: [*]` (same shape and dtype) → `[]`, or `[*]` with
 * `reduction: 'none'`. `weight` and `posWeight` (e.g. `[C]` for `[N, C]` inputs), when given, are
 * copied into buffers `weight` and `pos_weight` and must broadcast to the input's shape.
 *
 * @param options - `weight`, `posWeight`, `reduction` (default `'mean'`).
 * @throws `ArgumentError` for a bad reduction or option; `DTypeError` when a weight is
 *   not float.
 * @example
 * ```ts
 * const loss = new BCEWithLogitsLoss({ posWeight: tensor([1, 3]) });
 * loss.call(tensor([[0, 0]]), tensor([[1, 1]])).item();   // ≈ 1.386294
 * Object.keys(loss.stateDict());                          // ['pos_weight']
 * new BCEWithLogitsLoss().call(tensor([10000]), tensor([0])).item(); // 10000
 * ```
 * @category Losses
 */
export class BCEWithLogitsLoss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;
  /** The per-element weight (a buffer), or null. */
  weight: Variable | null;
  /** The weight of the positive term (a buffer, key `pos_weight`), or null. */
  posWeight: Variable | null;

  constructor(options: BCEWithLogitsLossOptions = {}) {
    super();
    const op = 'new BCEWithLogitsLoss';
    const o = checkOptions(op, options, ['weight', 'posWeight', 'reduction']);
    this.reduction = checkReduction(op, o.reduction);
    const w = copyWeight(op, 'weight', o.weight, false);
    const pw = copyWeight(op, 'posWeight', o.posWeight, false);
    this.weight = w === null ? null : this.registerBuffer(w, 'weight');
    this.posWeight = pw === null ? null : this.registerBuffer(pw, 'pos_weight');
  }

  /**
   * Computes the loss.
   * @param input - logits `[*]`, float.
   * @param target - targets `[*]` in `[0, 1]`, the input's dtype.
   * @returns `[]`, or `[*]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(input, target, {
      weight: this.weight?.value ?? null,
      posWeight: this.posWeight?.value ?? null,
      reduction: this.reduction,
    });
  }
}
