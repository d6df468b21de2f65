// Shared machinery of the class-index losses (nllLoss, crossEntropy); internal.
import {
  ArgumentError,
  cast,
  div,
  DTypeError,
  gather,
  IndexError,
  indexSelect,
  isFloat,
  mul,
  ne,
  reshape,
  ShapeError,
  sub,
  sum,
  unsqueeze,
  where,
  type Tensor,
} from '@nn/tensor';
import { checkFloatTensor, checkTensorArg, shapeText, show } from '../activations/checks.js';
import type { Reduction } from './reduction.js';

/** The layout of a class-score input: `[C]`, `[N, C]` or `[N, C, d1, …]`. @internal */
export interface ClassLayout {
  /** The dim holding the classes: 0 for an unbatched `[C]` input, else 1. */
  classDim: number;
  /** `C`. */
  classes: number;
  /** The shape of a class-index target: `[]`, `[N]` or `[N, d1, …]`. */
  indexShape: number[];
}

/** Checks a class-score input (float, rank ≥ 1) and returns its layout. @internal */
export function classLayout(op: string, input: unknown): ClassLayout {
  const x = checkFloatTensor(op, 'input', input);
  if (x.rank === 0) {
    throw new ShapeError({
      op,
      arg: 'input',
      expected: 'class scores [C], [N, C] or [N, C, d1, …]',
      got: 'a 0-D tensor',
    });
  }
  const classDim = x.rank === 1 ? 0 : 1;
  const indexShape = x.rank === 1 ? [] : [x.shape[0]!, ...x.shape.slice(2)];
  return { classDim, classes: x.shape[classDim]!, indexShape };
}

/** Checks an optional per-class weight: a float `[C]` tensor (or null). @internal */
export function checkClassWeight(op: string, weight: unknown, classes: number): Tensor | null {
  if (weight === undefined || weight === null) return null;
  const w = checkFloatTensor(op, 'weight', weight);
  if (w.rank !== 1 || w.shape[0] !== classes) {
    throw new ShapeError({
      op,
      arg: 'weight',
      expected: `one weight per class, [${classes}]`,
      got: shapeText(w.shape),
    });
  }
  return w;
}

/** Checks an optional `ignoreIndex` (default −100, PyTorch's). @internal */
export function checkIgnoreIndex(op: string, value: unknown): number {
  if (value === undefined) return -100;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ArgumentError({ op, arg: 'ignoreIndex', expected: 'an integer', got: show(value) });
  }
  return value;
}

/**
 * Checks a class-index target: int32, of the layout's index shape, every value in `[0, C)` or
 * `ignoreIndex` (read on the host, so a bad label is an IndexError naming its position rather
 * than a wrong loss). On a backend without synchronous reads (WebGPU) the values are left to the
 * kernel that gathers with them, whose index check rejects the loss's read with an IndexError.
 * @internal
 */
export function checkClassIndices(op: string, target: unknown, layout: ClassLayout, ignoreIndex: number): Tensor {
  const t = checkTensorArg(op, 'target', target);
  const want = shapeText(layout.indexShape);
  if (t.dtype !== 'int32') {
    throw new DTypeError({
      op,
      arg: 'target',
      expected: `int32 class indices ${want}`,
      got: `a ${t.dtype} tensor`,
      hint: isFloat(t.dtype) ? "Convert labels with cast(target, 'int32')" : undefined,
    });
  }
  const same = t.rank === layout.indexShape.length && t.shape.every((d, i) => d === layout.indexShape[i]);
  if (!same) throw new ShapeError({ op, arg: 'target', expected: `class indices ${want}`, got: shapeText(t.shape) });
  if (!t.backend.capabilities.syncRead) return t;
  const values = t.dataSync();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== ignoreIndex && (v < 0 || v >= layout.classes)) {
      throw new IndexError({
        op,
        arg: 'target',
        expected: `class indices in [0, ${layout.classes - 1}] (or ignoreIndex ${ignoreIndex})`,
        got: `${v} at flat position ${i}`,
      });
    }
  }
  return t;
}

/** `weight` viewed to broadcast along `classDim` of a rank-`rank` tensor. @internal */
export function classWeightView(weight: Tensor, classDim: number, rank: number): Tensor {
  return rank <= 1 ? weight : reshape(weight, [weight.shape[0]!, ...new Array<number>(rank - classDim - 1).fill(1)]);
}

/** Per-element terms of a class-index loss (call inside `tidy`). @internal */
export interface ClassIndexTerms {
  /** `−w[t]·logp[t]` per target element, 0 where ignored. */
  loss: Tensor;
  /** `w[t]` (1 without weights) per target element, 0 where ignored: the weighted-mean denominator. */
  weights: Tensor;
  /** Where the target is not `ignoreIndex`. */
  keep: Tensor;
}

/** The negative log-likelihood terms of log-probabilities `logp` at the target classes. @internal */
export function classIndexTerms(
  logp: Tensor,
  target: Tensor,
  classDim: number,
  weight: Tensor | null,
  ignoreIndex: number,
): ClassIndexTerms {
  const keep = ne(target, ignoreIndex);
  // Ignored positions read class 0 (always valid) and are masked out after. `0 − x`, not `−x`, so
  // that a perfect prediction's loss is +0 as in PyTorch (whose sums start at +0), not −0.
  const safe = where(keep, target, 0);
  const picked = reshape(gather(logp, classDim, unsqueeze(safe, classDim)), target.shape);
  if (weight === null) {
    return { loss: where(keep, sub(0, picked), 0), weights: cast(keep, logp.dtype), keep };
  }
  const w = reshape(indexSelect(weight, 0, reshape(safe, [safe.size])), target.shape);
  return { loss: where(keep, sub(0, mul(picked, w)), 0), weights: where(keep, w, 0), keep };
}

/** Reduces per-element class losses: `'mean'` divides by the summed weights of the kept elements. @internal */
export function reduceWeighted(loss: Tensor, weights: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'none') return loss;
  if (reduction === 'sum') return sum(loss);
  return div(sum(loss), sum(weights));
}
