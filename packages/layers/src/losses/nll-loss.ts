import type { Tensor, Variable } from '@nn/tensor';
import { checkOptions } from '../functional/activations/checks.js';
import { checkIgnoreIndex } from '../functional/losses/class-targets.js';
import { nllLoss, type NLLLossOptions } from '../functional/losses/index.js';
import { checkReduction, type Reduction } from '../functional/losses/reduction.js';
import { Module } from '../module/module.js';
import { copyWeight } from './weight-buffer.js';

/**
 * The negative log-likelihood loss, like `torch.nn.NLLLoss(weight, ignore_index, reduction)`:
 * for log-probabilities and int32 class indices, `−weight[t] · input[n, t]` per element, reduced
 * (see `nllLoss`). Pair it with `LogSoftmax`, or use `CrossEntropyLoss` on logits.
 *
 * `input: [N, C]`, `target: [N]` → `[]` (`[N]` with `reduction: 'none'`); `input: [N, C, d1, …]`,
 * `target: [N, d1, …]`; `input: [C]`, `target: []`.
 *
 * The class weight, when given, is copied into a buffer `weight` (saved in the state dict, as in
 * PyTorch).
 *
 * @param options - `weight` (`[C]`), `ignoreIndex` (default −100), `reduction` (default `'mean'`).
 * @throws `ArgumentError` for a bad reduction, ignore index or option; `ShapeError`
 *   when the weight is not 1-D; `DTypeError` when it is not float.
 * @example
 * ```ts
 * const model = new Sequential(new Linear(4, 3), new LogSoftmax(1));
 * const loss = new NLLLoss({ weight: tensor([1, 2, 1]) });
 * loss.call(model.call(zeros([2, 4])), tensor([1, 2], { dtype: 'int32' })).shape; // []
 * Object.keys(loss.stateDict());                                                  // ['weight']
 * new NLLLoss().call(tensor([[-1, -2]]), tensor([1], { dtype: 'int32' })).item(); // 2
 * ```
 * @category Losses
 */
export class NLLLoss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;
  /** The target value that is skipped. */
  readonly ignoreIndex: number;
  /** The per-class weight `[C]` (a buffer), or null. */
  weight: Variable | null;

  constructor(options: NLLLossOptions = {}) {
    super();
    const op = 'new NLLLoss';
    const o = checkOptions(op, options, ['weight', 'ignoreIndex', 'reduction']);
    this.reduction = checkReduction(op, o.reduction);
    this.ignoreIndex = checkIgnoreIndex(op, o.ignoreIndex);
    const w = copyWeight(op, 'weight', o.weight, true);
    this.weight = w === null ? null : this.registerBuffer(w, 'weight');
  }

  /**
   * Computes the loss.
   * @param input - log-probabilities `[N, C, *]` or `[C]`, float.
   * @param target - int32 class indices `[N, *]` or `[]`.
   * @returns `[]`, or `[N, *]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, {
      weight: this.weight?.value ?? null,
      ignoreIndex: this.ignoreIndex,
      reduction: this.reduction,
    });
  }
}
