import { ArgumentError, type Tensor, type Variable } from '@nn/tensor';
import { checkOptions, show } from '../functional/activations/checks.js';
import { checkIgnoreIndex } from '../functional/losses/class-targets.js';
import { crossEntropy, type CrossEntropyOptions } from '../functional/losses/index.js';
import { checkReduction, type Reduction } from '../functional/losses/reduction.js';
import { Module } from '../module/module.js';
import { copyWeight } from './weight-buffer.js';

/**
 * The cross-entropy loss of logits, like
 * `torch.nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)`: log-softmax and
 * negative log-likelihood in one stable step, for int32 class-index targets or float
 * class-probability targets, with class weights, an ignored index and label smoothing (see
 * `crossEntropy` for the formulas, which are PyTorch 1.13's).
 *
 * `input: [N, C]`, `target: [N]` (int32) or `[N, C]` (float) → `[]` (`[N]` with `reduction: 'none'`);
 * `input: [N, C, d1, …]`, `target: [N, d1, …]` or `[N, C, d1, …]`; `input: [C]`, `target: []` or `[C]`.
 *
 * The class weight, when given, is copied into a buffer `weight` (saved in the state dict, as in
 * PyTorch).
 *
 * @param options - `weight` (`[C]`), `ignoreIndex` (default −100), `reduction` (default `'mean'`),
 *   `labelSmoothing` (default 0, in `[0, 1]`).
 * @throws `ArgumentError` for a bad reduction, ignore index, smoothing or option;
 *   `ShapeError` when the weight is not 1-D; `DTypeError` when it is not float.
 * @example
 * ```ts
 * const loss = new CrossEntropyLoss();
 * loss.call(tensor([[1000, 0]]), tensor([1], { dtype: 'int32' })).item(); // 1000
 * const smoothed = new CrossEntropyLoss({ labelSmoothing: 0.1, weight: tensor([1, 3]) });
 * smoothed.call(tensor([[0, 0], [0, 0]]), tensor([0, 1], { dtype: 'int32' })).item(); // ≈ 0.693147
 * new CrossEntropyLoss({ ignore_index: 0 } as never);  // throws ArgumentError
 * ```
 * @category Losses
 */
export class CrossEntropyLoss extends Module<[Tensor, Tensor], Tensor> {
  /** How the per-element losses are combined. */
  readonly reduction: Reduction;
  /** The target value that is skipped (class-index targets). */
  readonly ignoreIndex: number;
  /** The label-smoothing ε. */
  readonly labelSmoothing: number;
  /** The per-class weight `[C]` (a buffer), or null. */
  weight: Variable | null;

  constructor(options: CrossEntropyOptions = {}) {
    super();
    const op = 'new CrossEntropyLoss';
    const o = checkOptions(op, options, ['weight', 'ignoreIndex', 'reduction', 'labelSmoothing']);
    this.reduction = checkReduction(op, o.reduction);
    this.ignoreIndex = checkIgnoreIndex(op, o.ignoreIndex);
    const eps = o.labelSmoothing ?? 0;
    if (typeof eps !== 'number' || !(eps >= 0 && eps <= 1)) {
      throw new ArgumentError({ op, arg: 'labelSmoothing', expected: 'a number in [0, 1]', got: show(eps) });
    }
    this.labelSmoothing = eps;
    const w = copyWeight(op, 'weight', o.weight, true);
    this.weight = w === null ? null : this.registerBuffer(w, 'weight');
  }

  /**
   * Computes the loss.
   * @param input - logits `[N, C, *]` or `[C]`, float.
   * @param target - int32 class indices `[N, *]` / `[]`, or float probabilities of the input's shape.
   * @returns `[]`, or `[N, *]` with `reduction: 'none'`.
   */
  forward(input: Tensor, target: Tensor): Tensor {
    return crossEntropy(input, target, {
      weight: this.weight?.value ?? null,
      ignoreIndex: this.ignoreIndex,
      reduction: this.reduction,
      labelSmoothing: this.labelSmoothing,
    });
  }
}
