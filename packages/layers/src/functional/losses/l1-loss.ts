import { abs, sub, tidy, type Tensor } from '@nn/tensor';
import { checkOptions } from '../activations/checks.js';
import { checkElementwisePair, checkReduction, reduceLoss, type LossOptions } from './reduction.js';

/**
 * The mean absolute error, `|input − target|` per element then reduced, as PyTorch's `l1_loss`
 * (gradient `sign(input − target)`, 0 where they are equal).
 *
 * `input: [*]`, `target: [*]` (the same shape and float dtype) → `[]`, or `[*]` with `reduction: 'none'`.
 *
 * @param input - the predictions.
 * @param target - the targets (gradients flow to it too).
 * @param options - `reduction` (default `'mean'`).
 * @throws `ShapeError` when the shapes differ; `DTypeError` when `input` is not float
 *   or `target`'s dtype differs; `ArgumentError` for a bad reduction or an unknown option.
 * @example
 * ```ts
 * l1Loss(tensor([1, 2, 3]), tensor([1, 0, 5])).item();                      // ≈ 1.333333
 * l1Loss(tensor([1, 2, 3]), tensor([1, 0, 5]), { reduction: 'sum' }).item(); // 4
 * l1Loss(tensor([1, 2]), tensor([1, 2]), { reduction: 'avg' as 'mean' });  // throws ArgumentError
 * ```
 * @category Losses
 */
export function l1Loss(input: Tensor, target: Tensor, options: LossOptions = {}): Tensor {
  const op = 'l1Loss';
  const [x, t] = checkElementwisePair(op, input, target);
  const reduction = checkReduction(op, checkOptions(op, options, ['reduction']).reduction);
  return tidy(() => reduceLoss(abs(sub(x, t)), reduction));
}
