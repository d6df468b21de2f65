import { abs, ArgumentError, lt, mul, square, sub, tidy, where, type Tensor } from '@nn/tensor';
import { checkOptions, show } from '../activations/checks.js';
import { checkElementwisePair, checkReduction, reduceLoss, type LossOptions } from './reduction.js';

/** Options of `huberLoss` / `HuberLoss`. @category Losses */
export interface HuberLossOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear, > 0 (default 1). */
  delta?: number;
}

/** Checks `delta` of the Huber loss. @internal */
export function checkDelta(op: string, value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ArgumentError({ op, arg: 'delta', expected: 'a finite number > 0', got: show(value) });
  }
  return value;
}

/**
 * The Huber loss, as PyTorch's `huber_loss`: per element, with `d = input − target`,
 * `0.5 · d²` where `|d| < delta`, else `delta · (|d| − 0.5 · delta)` (quadratic near zero, linear
 * beyond, so outliers pull with a bounded gradient `±delta`); then reduced.
 *
 * `input: [*]`, `target: [*]` (the same shape and float dtype) → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param input - the predictions.
 * @param target - the targets (gradients flow to it too).
 * @param options - `reduction` (default `'mean'`), `delta` (default 1).
 * @throws `ShapeError` when the shapes differ; `DTypeError` when `input` is not float
 *   or `target`'s dtype differs; `ArgumentError` for a bad reduction, `delta ≤ 0` or an unknown option.
 * @example
 * ```ts
 * huberLoss(tensor([0.5, 3]), tensor([0, 0]), { reduction: 'none' }).toArray();             // [0.125, 2.5]
 * huberLoss(tensor([0.5, 3]), tensor([0, 0]), { reduction: 'none', delta: 2 }).toArray();   // [0.125, 4]
 * huberLoss(tensor([0.5, 3]), tensor([0, 0])).item();                                       // 1.3125
 * ```
 * @category Losses
 */
export function huberLoss(input: Tensor, target: Tensor, options: HuberLossOptions = {}): Tensor {
  const op = 'huberLoss';
  const [x, t] = checkElementwisePair(op, input, target);
  const o = checkOptions(op, options, ['reduction', 'delta']);
  const reduction = checkReduction(op, o.reduction);
  const delta = checkDelta(op, o.delta);
  return tidy(() => {
    const d = sub(x, t);
    const ad = abs(d);
    const loss = where(lt(ad, delta), mul(square(d), 0.5), mul(sub(ad, 0.5 * delta), delta));
    return reduceLoss(loss, reduction);
  });
}
