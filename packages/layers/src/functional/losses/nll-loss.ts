import { cast, tidy, type Tensor } from '@nn/tensor';
import { checkOptions } from '../activations/checks.js';
import {
  checkClassIndices,
  checkClassWeight,
  checkIgnoreIndex,
  classIndexTerms,
  classLayout,
  reduceWeighted,
} from './class-targets.js';
import { checkReduction, type LossOptions } from './reduction.js';

/** Options of `nllLoss` / `NLLLoss`. @category Losses */
export interface NLLLossOptions extends LossOptions {
  /** A weight per class, `[C]` (default: all 1). `'mean'` then divides by the summed weights of the targets. */
  weight?: Tensor | null;
  /** A target value that is skipped: it adds nothing to the loss nor to the mean's denominator (default −100). */
  ignoreIndex?: number;
}

/**
 * The negative log-likelihood loss, as PyTorch's `nll_loss`: for log-probabilities `input` and
 * class indices `target`, the per-element loss `−weight[t] · input[n, t]` (0 where `t` is
 * `ignoreIndex`); `'mean'` divides the sum by `Σ weight[t]` over the non-ignored targets (the
 * count of them without weights; NaN when all are ignored, as in PyTorch).
 *
 * `input: [N, C]`, `target: [N]` → `[]` (or `[N]` with `reduction: 'none'`);
 * `input: [N, C, d1, …]`, `target: [N, d1, …]` (per-pixel classes) → `[]` (or `[N, d1, …]`);
 * `input: [C]`, `target: []` (one unbatched sample) → `[]`.
 *
 * @param input - log-probabilities (e.g. from `logSoftmax`), float.
 * @param target - int32 class indices in `[0, C)`, or `ignoreIndex`.
 * @param options - `weight`, `ignoreIndex` (default −100), `reduction` (default `'mean'`).
 * @throws `ShapeError` when the target's shape is not the input's without the class dim, or
 *   the weight is not `[C]`; `DTypeError` when the target is not int32 or the input not float;
 *   `IndexError` for a class index out of range; `ArgumentError` for a bad reduction or
 *   an unknown option.
 * @example
 * ```ts
 * const logp = logSoftmax(tensor([[2, 0], [0, 2]]), 1);
 * nllLoss(logp, tensor([0, 0], { dtype: 'int32' }), { reduction: 'none' }).toArray(); // ≈ [0.126928, 2.126928]
 * nllLoss(tensor([[-1, -2], [-3, -4]]), tensor([1, -100], { dtype: 'int32' })).item(); // 2
 * nllLoss(tensor([[-1, -2]]), tensor([2], { dtype: 'int32' }));                       // throws IndexError
 * nllLoss(tensor([[-1, -2]]), tensor([1]));                                           // throws DTypeError
 * ```
 * @category Losses
 */
export function nllLoss(input: Tensor, target: Tensor, options: NLLLossOptions = {}): Tensor {
  const op = 'nllLoss';
  const layout = classLayout(op, input);
  const o = checkOptions(op, options, ['weight', 'ignoreIndex', 'reduction']);
  const reduction = checkReduction(op, o.reduction);
  const ignoreIndex = checkIgnoreIndex(op, o.ignoreIndex);
  const weight = checkClassWeight(op, o.weight, layout.classes);
  const t = checkClassIndices(op, target, layout, ignoreIndex);
  return tidy(() => {
    const w = weight === null || weight.dtype === input.dtype ? weight : cast(weight, input.dtype);
    const terms = classIndexTerms(input, t, layout.classDim, w, ignoreIndex);
    return reduceWeighted(terms.loss, terms.weights, reduction);
  });
}
