import { ArgumentError, DTypeError, mean, ShapeError, sum, type Tensor } from '@nn/tensor';
import { checkFloatTensor, checkTensorArg, sameShape, shapeText, show } from '../activations/checks.js';

/**
 * How a loss combines its per-element losses, as PyTorch's `reduction`: `'mean'` (the default;
 * for class-weighted losses a weighted mean), `'sum'`, or `'none'` (the per-element losses).
 * @category Losses
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options every loss takes. @category Losses */
export interface LossOptions {
  /** `'mean'` (default), `'sum'` or `'none'`. */
  reduction?: Reduction;
}

/** Checks a reduction (default `'mean'`). @internal */
export function checkReduction(op: string, value: unknown): Reduction {
  if (value === undefined) return 'mean';
  if (value !== 'mean' && value !== 'sum' && value !== 'none') {
    throw new ArgumentError({ op, arg: 'reduction', expected: "'mean', 'sum' or 'none'", got: show(value) });
  }
  return value;
}

/** Applies `reduction` to per-element losses. @internal */
export function reduceLoss(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'none') return loss;
  return reduction === 'sum' ? sum(loss) : mean(loss);
}

/**
 * Checks the `(input, target)` pair of an elementwise loss: a float input and a target of the same
 * shape and dtype. (PyTorch broadcasts a target of another shape with a warning; a broadcast here
 * is almost always a bug, such as `[N]` against `[N, 1]`, so it is an error.) @internal
 */
export function checkElementwisePair(op: string, input: unknown, target: unknown): [Tensor, Tensor] {
  const x = checkFloatTensor(op, 'input', input);
  const t = checkTensorArg(op, 'target', target);
  if (t.dtype !== x.dtype) {
    throw new DTypeError({
      op,
      arg: 'target',
      expected: `a ${x.dtype} tensor (the input's dtype)`,
      got: `a ${t.dtype} tensor`,
      hint: `Convert it with cast(target, '${x.dtype}')`,
    });
  }
  if (!sameShape(x.shape, t.shape)) {
    throw new ShapeError({
      op,
      arg: 'target',
      expected: `the input's shape ${shapeText(x.shape)}`,
      got: shapeText(t.shape),
      hint: 'Reshape the target (a [N] target against a [N, 1] input would broadcast to [N, N])',
    });
  }
  return [x, t];
}
