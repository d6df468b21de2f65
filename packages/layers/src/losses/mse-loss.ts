import type { Tensor } from '@nn/tensor';
import { checkOptions } from '../functional/activations/checks.js';
import { mseLoss } from '../functional/losses/index.js';
import { checkReduction, type LossOptions, type Reduction } from '../functional/losses/reduction.js';
import { Module } from '../module/module.js';

/**
 * The mean squared error, like `torch.nn.MSELoss`: `(input − target)²` per element, then reduced
 * (see `mseLoss`).
 *
 * `input: [*]`, `target: [*]` (same shape and dtype) → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param options - `reduction`: `'mean'` (default), `'sum'` or `'none'`.
 * @throws `ArgumentError` for a bad reduction or an unknown option.
 * @example
 * ```ts
 * const loss = new MSELoss();
 * loss.call(tensor([1, 2, 3]), tensor([1, 2, 5])).item();                          // ≈ 1.333333
 * new MSELoss({ reduction: 'sum' }).call(tensor([1, 2, 3]), tensor([1, 2, 5])).item(); // 4
 * new MSELoss({ reduction: 'max' as 'sum' });                                        // throws ArgumentError
 * ```
 * @category Losses
 */
export class MSELoss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;

  constructor(options: LossOptions = {}) {
    super();
    const op = 'new MSELoss';
    this.reduction = checkReduction(op, checkOptions(op, options, ['reduction']).reduction);
  }

  /**
   * Computes the loss.
   * @param input - the predictions, `[*]`, float.
   * @param target - the targets, `[*]`, the input's dtype.
   * @returns `[]`, or `[*]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, { reduction: this.reduction });
  }
}
