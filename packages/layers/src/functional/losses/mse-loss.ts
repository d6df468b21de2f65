import { square, sub, tidy, type Tensor } from '@nn/tensor';
import { checkOptions } from '../activations/checks.js';
import { checkElementwisePair, checkReduction, reduceLoss, type LossOptions } from './reduction.js';

/**
 * The mean squared error, `(input − target)²` per element then reduced, as PyTorch's `mse_loss`.
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
 * mseLoss(tensor([1, 2, 3]), tensor([1, 2, 5])).item();                       // ≈ 1.333333
 * mseLoss(tensor([1, 2, 3]), tensor([1, 2, 5]), { reduction: 'sum' }).item();  // 4
 * mseLoss(tensor([1, 2]), tensor([0, 0]), { reduction: 'none' }).toArray();    // [1, 4]
 * mseLoss(tensor([1, 2]), tensor([[1, 2]]));                                   // throws ShapeError
 * ```
 * @category Losses
 */
export function mseLoss(input: Tensor, target: Tensor, options: LossOptions = {}): Tensor {
  const op = 'mseLoss';
  const [x, t] = checkElementwisePair(op, input, target);
  const reduction = checkReduction(op, checkOptions(op, options, ['reduction']).reduction);
  return tidy(() => reduceLoss(square(sub(x, t)), reduction));
}
