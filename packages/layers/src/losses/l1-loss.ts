import type { Tensor } from '@nn/tensor';
import { checkOptions } from '../functional/activations/checks.js';
import { l1Loss } from '../functional/losses/index.js';
import { checkReduction, type LossOptions, type Reduction } from '../functional/losses/reduction.js';
import { Module } from '../module/module.js';

/**
 * The mean absolute error, like `torch.nn.L1Loss`: `|input − target|` per element, then reduced
 * (see `l1Loss`).
 *
 * `input: [*]`, `target: [*]` (same shape and dtype) → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param options - `reduction`: `'mean'` (default), `'sum'` or `'none'`.
 * @throws `ArgumentError` for a bad reduction or an unknown option.
 * @example
 * ```ts
 * new L1Loss().call(tensor([1, 2, 3]), tensor([1, 0, 5])).item();                       // ≈ 1.333333
 * new L1Loss({ reduction: 'none' }).call(tensor([1, 2]), tensor([0, 4])).toArray();     // [1, 2]
 * ```
 * @category Losses
 */
export class L1Loss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;

  constructor(options: LossOptions = {}) {
    super();
    const op = 'new L1Loss';
    this.reduction = checkReduction(op, checkOptions(op, options, ['reduction']).reduction);
  }

  /**
   * Computes the loss.
   * @param input - the predictions, `[*]`, float.
   * @param target - the targets, `[*]`, the input's dtype.
   * @returns `[]`, or `[*]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(input, target, { reduction: this.reduction });
  }
}
