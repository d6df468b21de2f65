import { abs, ArgumentError, div, lt, mul, square, sub, tidy, where, type Tensor } from '@nn/tensor';
import { checkOptions, show } from '../activations/checks.js';
import { checkElementwisePair, checkReduction, reduceLoss, type LossOptions } from './reduction.js';

/** Options of `smoothL1Loss` / `SmoothL1Loss`. @category Losses */
export interface SmoothL1LossOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear, ≥ 0 (default 1; 0 gives the L1 loss). */
  beta?: number;
}

/** Checks `beta` of the smooth L1 loss. @internal */
export function checkBeta(op: string, value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ArgumentError({ op, arg: 'beta', expected: 'a finite number ≥ 0', got: show(value) });
  }
  return value;
}

/**
 * The smooth L1 loss, as PyTorch's `smooth_l1_loss`: per element, with `d = input − target`,
 * `0.5 · d² / beta` where `|d| < beta`, else `|d| − 0.5 · beta`; then reduced. It equals
 * `huberLoss / beta` (with `delta = beta`), and the L1 loss for `beta = 0`.
 *
 * `input: [*]`, `target: [*]` (the same shape and float dtype) → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param input - the predictions.
 * @param target - the targets (gradients flow to it too).
 * @param options - `reduction` (default `'mean'`), `beta` (default 1).
 * @throws `ShapeError` when the shapes differ; `DTypeError` when `input` is not float
 *   or `target`'s dtype differs; `ArgumentError` for a bad reduction, `beta < 0` or an unknown option.
 * @example
 * ```ts
 * smoothL1Loss(tensor([0.5, 3]), tensor([0, 0]), { reduction: 'none' }).toArray();           // [0.125, 2.5]
 * smoothL1Loss(tensor([0.5, 3]), tensor([0, 0]), { reduction: 'none', beta: 2 }).toArray();  // [0.0625, 2]
 * smoothL1Loss(tensor([0.5, 3]), tensor([0, 0]), { beta: 0, reduction: 'sum' }).item();      // 3.5
 * ```
 * @category Losses
 */
export function smoothL1Loss(input: Tensor, target: Tensor, options: SmoothL1LossOptions = {}): Tensor {
  const op = 'smoothL1Loss';
  const [x, t] = checkElementwisePair(op, input, target);
  const o = checkOptions(op, options, ['reduction', 'beta']);
  const reduction = checkReduction(op, o.reduction);
  const beta = checkBeta(op, o.beta);
  return tidy(() => {
    const ad = abs(sub(x, t));
    if (beta === 0) return reduceLoss(ad, reduction);
    const loss = where(lt(ad, beta), div(mul(square(sub(x, t)), 0.5), beta), sub(ad, 0.5 * beta));
    return reduceLoss(loss, reduction);
  });
}
