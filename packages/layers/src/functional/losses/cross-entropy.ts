import {
  add,
  ArgumentError,
  cast,
  div,
  DTypeError,
  isFloat,
  logSoftmax,
  mul,
  neg,
  ShapeError,
  sub,
  sum,
  tidy,
  where,
  type Tensor,
} from '@nn/tensor';
import { checkOptions, checkTensorArg, sameShape, shapeText, show } from '../activations/checks.js';
import {
  checkClassIndices,
  checkClassWeight,
  checkIgnoreIndex,
  classIndexTerms,
  classLayout,
  classWeightView,
  reduceWeighted,
  type ClassLayout,
} from './class-targets.js';
import type { NLLLossOptions } from './nll-loss.js';
import { checkReduction, type Reduction } from './reduction.js';

/** Options of `crossEntropy` / `CrossEntropyLoss`. @category Losses */
export interface CrossEntropyOptions extends NLLLossOptions {
  /**
   * In `[0, 1]` (default 0): the target becomes `(1 − ε)·onehot + ε/C` (PyTorch's label smoothing,
   * applied to index and probability targets alike).
   */
  labelSmoothing?: number;
}

function checkSmoothing(op: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ArgumentError({ op, arg: 'labelSmoothing', expected: 'a number in [0, 1]', got: show(value) });
  }
  return value;
}

/** Which kind of target this is: class indices or class probabilities (PyTorch decides by shape). */
function targetKind(op: string, input: Tensor, target: unknown, layout: ClassLayout): 'indices' | 'probabilities' {
  const t = checkTensorArg(op, 'target', target);
  const asInput = sameShape(t.shape, input.shape);
  const asIndices = sameShape(t.shape, layout.indexShape);
  if (isFloat(t.dtype)) {
    if (asInput) {
      if (t.dtype !== input.dtype) {
        throw new DTypeError({
          op,
          arg: 'target',
          expected: `${input.dtype} class probabilities (the input's dtype)`,
          got: `a ${t.dtype} tensor`,
        });
      }
      return 'probabilities';
    }
    if (asIndices) {
      throw new DTypeError({
        op,
        arg: 'target',
        expected: `int32 class indices ${shapeText(layout.indexShape)} (or float probabilities ${shapeText(input.shape)})`,
        got: `a ${t.dtype} tensor ${shapeText(t.shape)}`,
        hint: "Convert labels with cast(target, 'int32')",
      });
    }
    throw new ShapeError({
      op,
      arg: 'target',
      expected: `class probabilities of the input's shape ${shapeText(input.shape)} (or int32 indices ${shapeText(layout.indexShape)})`,
      got: shapeText(t.shape),
    });
  }
  if (asInput && t.dtype === 'int32') {
    throw new DTypeError({
      op,
      arg: 'target',
      expected: `float class probabilities ${shapeText(input.shape)}`,
      got: 'an int32 tensor',
    });
  }
  return 'indices';
}

function probabilityLoss(
  logp: Tensor,
  target: Tensor,
  weight: Tensor | null,
  layout: ClassLayout,
  reduction: Reduction,
  smoothing: number,
): Tensor {
  const t = smoothing > 0 ? add(mul(target, 1 - smoothing), smoothing / layout.classes) : target;
  let terms = mul(logp, t);
  if (weight !== null) terms = mul(terms, classWeightView(weight, layout.classDim, logp.rank));
  if (reduction === 'none') return sub(0, sum(terms, layout.classDim));
  const total = sub(0, sum(terms));
  if (reduction === 'sum') return total;
  // The mean is over the samples (and positions), not the weights, as in PyTorch.
  const samples = layout.indexShape.reduce((a, b) => a * b, 1);
  return samples === 0 ? mul(total, NaN) : div(total, samples);
}

/**
 * The cross-entropy loss of logits, as PyTorch's `cross_entropy`: `nllLoss(logSoftmax(input))`
 * for class-index targets, `−Σ_c target_c · logSoftmax(input)_c` for class-probability targets
 * (chosen by the target: int32 indices of the input's shape without the class dim, or float
 * probabilities of the input's shape). Computed through `logSoftmax`, so it is exact for huge
 * logits: the loss of logits `[1000, 0]` is 0 for class 0 and 1000 for class 1.
 *
 * Options as PyTorch 1.13: `weight` (per class; with indices, `'mean'` divides by the summed
 * weights of the targets; with probabilities, by the number of samples), `ignoreIndex` (indices
 * only; skipped targets add nothing to the sum nor the mean's denominator), `labelSmoothing` ε
 * (the loss is `(1 − ε) · nll + ε/C · Σ_c −w_c·logp_c`, reduced the same way), `reduction`.
 *
 * `input: [N, C]`, `target: [N]` int32 or `[N, C]` float → `[]` (or `[N]` with `reduction: 'none'`);
 * `input: [N, C, d1, …]`, `target: [N, d1, …]` or `[N, C, d1, …]` → `[]` (or `[N, d1, …]`);
 * `input: [C]`, `target: []` or `[C]` (one unbatched sample) → `[]`.
 *
 * @param input - unnormalised class scores (logits), float.
 * @param target - int32 class indices in `[0, C)` (or `ignoreIndex`), or float class probabilities.
 * @param options - `weight`, `ignoreIndex` (default −100), `reduction` (default `'mean'`),
 *   `labelSmoothing` (default 0).
 * @throws `ShapeError` when the target has neither accepted shape or the weight is not `[C]`;
 *   `DTypeError` for float targets of the index shape, int targets of the input's shape, bool
 *   targets, or a non-float input; `IndexError` for a class index out of range;
 *   `ArgumentError` for a bad reduction or `labelSmoothing`, an unknown option, or a
 *   non-negative `ignoreIndex` with probability targets (as PyTorch).
 * @example
 * ```ts
 * const logits = tensor([[1000, 0]]);
 * crossEntropy(logits, tensor([0], { dtype: 'int32' })).item();  // 0
 * crossEntropy(logits, tensor([1], { dtype: 'int32' })).item();  // 1000
 * crossEntropy(tensor([[0, 0]]), tensor([[0.5, 0.5]])).item();   // ≈ 0.693147
 * crossEntropy(tensor([[2, 0], [0, 2]]), tensor([0, -100], { dtype: 'int32' }), { reduction: 'none' }).toArray(); // ≈ [0.126928, 0]
 * crossEntropy(tensor([[0, 0]]), tensor([0], { dtype: 'int32' }), { labelSmoothing: 0.1 }).item(); // ≈ 0.693147
 * crossEntropy(logits, tensor([3], { dtype: 'int32' }));  // throws IndexError
 * crossEntropy(logits, tensor([0]));                      // throws DTypeError
 * ```
 * @category Losses
 */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  const op = 'crossEntropy';
  const layout = classLayout(op, input);
  const o = checkOptions(op, options, ['weight', 'ignoreIndex', 'reduction', 'labelSmoothing']);
  const reduction = checkReduction(op, o.reduction);
  const ignoreIndex = checkIgnoreIndex(op, o.ignoreIndex);
  const smoothing = checkSmoothing(op, o.labelSmoothing);
  const weight = checkClassWeight(op, o.weight, layout.classes);
  const kind = targetKind(op, input, target, layout);
  if (kind === 'probabilities' && ignoreIndex >= 0) {
    throw new ArgumentError({
      op,
      arg: 'ignoreIndex',
      expected: 'no ignoreIndex (or a negative one) with probability targets',
      got: String(ignoreIndex),
    });
  }
  const t = kind === 'indices' ? checkClassIndices(op, target, layout, ignoreIndex) : target;
  return tidy(() => {
    const w = weight === null || weight.dtype === input.dtype ? weight : cast(weight, input.dtype);
    const logp = logSoftmax(input, layout.classDim);
    if (kind === 'probabilities') return probabilityLoss(logp, t, w, layout, reduction, smoothing);
    const terms = classIndexTerms(logp, t, layout.classDim, w, ignoreIndex);
    const nll = reduceWeighted(terms.loss, terms.weights, reduction);
    if (smoothing === 0) return nll;
    const all = w === null ? logp : mul(logp, classWeightView(w, layout.classDim, logp.rank));
    const smooth = where(terms.keep, neg(sum(all, layout.classDim)), 0);
    const uniform = reduceWeighted(smooth, terms.weights, reduction);
    return add(mul(nll, 1 - smoothing), mul(uniform, smoothing / layout.classes));
  });
}
