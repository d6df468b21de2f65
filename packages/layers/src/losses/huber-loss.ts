import type { Tensor } from '@nn/tensor';
import { checkOptions } from '../functional/activations/checks.js';
import { checkDelta } from '../functional/losses/huber-loss.js';
import { huberLoss, type HuberLossOptions } from '../functional/losses/index.js';
import { checkReduction, type Reduction } from '../functional/losses/reduction.js';
import { Module } from '../module/module.js';

/**
 * The Huber loss, like `torch.nn.HuberLoss(reduction, delta)`: quadratic, `0.5 · d²`, where
 * `|d| = |input − target| < delta`, linear, `delta · (|d| − 0.5 · delta)`, beyond; then reduced
 * (see `huberLoss`). Robust to outliers: their gradient is capped at `±delta`.
 *
 * `input: [*]`, `target: [*]` (same shape and dtype) → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param options - `reduction` (default `'mean'`), `delta` (default 1, > 0).
 * @throws `ArgumentError` for a bad reduction, `delta ≤ 0` or an unknown option.
 * @example
 * ```ts
 * new HuberLoss().call(tensor([0.5, 3]), tensor([0, 0])).item();                                   // 1.3125
 * new HuberLoss({ delta: 2, reduction: 'none' }).call(tensor([0.5, 3]), tensor([0, 0])).toArray(); // [0.125, 4]
 * new HuberLoss({ delta: 0 });                                                                      // throws ArgumentError
 * ```
 * @category Losses
 */
export class HuberLoss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;
  /** Where the loss turns from quadratic to linear. */
  readonly delta: number;

  constructor(options: HuberLossOptions = {}) {
    super();
    const op = 'new HuberLoss';
    const o = checkOptions(op, options, ['reduction', 'delta']);
    this.reduction = checkReduction(op, o.reduction);
    this.delta = checkDelta(op, o.delta);
  }

  /**
   * Computes the loss.
   * @param input - the predictions, `[*]`, float.
   * @param target - the targets, `[*]`, the input's dtype.
   * @returns `[]`, or `[*]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return huberLoss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}
