import type { Tensor } from '@nn/tensor';
import { checkOptions } from '../functional/activations/checks.js';
import { smoothL1Loss, type SmoothL1LossOptions } from '../functional/losses/index.js';
import { checkReduction, type Reduction } from '../functional/losses/reduction.js';
import { checkBeta } from '../functional/losses/smooth-l1-loss.js';
import { Module } from '../module/module.js';

/**
 * The smooth L1 loss, like `torch.nn.SmoothL1Loss(reduction, beta)`: `0.5 · d² / beta` where
 * `|d| = |input − target| < beta`, `|d| − 0.5 · beta` beyond; then reduced (see `smoothL1Loss`).
 *
 * `input: [*]`, `target: [*]` (same shape and dtype) → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param options - `reduction` (default `'mean'`), `beta` (default 1, ≥ 0; 0 is the L1 loss).
 * @throws `ArgumentError` for a bad reduction, `beta < 0` or an unknown option.
 * @example
 * ```ts
 * new SmoothL1Loss({ beta: 2, reduction: 'none' }).call(tensor([0.5, 3]), tensor([0, 0])).toArray(); // [0.0625, 2]
 * ```
 * @category Losses
 */
export class SmoothL1Loss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;
  /** Where the loss turns from quadratic to linear. */
  readonly beta: number;

  constructor(options: SmoothL1LossOptions = {}) {
    super();
    const op = 'new SmoothL1Loss';
    const o = checkOptions(op, options, ['reduction', 'beta']);
    this.reduction = checkReduction(op, o.reduction);
    this.beta = checkBeta(op, o.beta);
  }

  /**
   * Computes the loss.
   * @param input - the predictions, `[*]`, float.
   * @param target - the targets, `[*]`, the input's dtype.
   * @returns `[]`, or `[*]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return smoothL1Loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}
