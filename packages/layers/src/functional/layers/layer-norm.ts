import { add, ArgumentError, mean, mul, rsqrt, ShapeError, sub, tidy, type Tensor } from '@nn/tensor';
import { checkFloat, checkNumber, checkOptions, checkTensorArg, shapeText, show } from '../../layers/checks.js';

/** Options of `layerNorm`. @category Functional */
export interface LayerNormOptions {
  /** Element-wise scale γ of shape `normalizedShape` (default none: 1). */
  weight?: Tensor | null;
  /** Element-wise shift β of shape `normalizedShape` (default none: 0). */
  bias?: Tensor | null;
  /** Added to the variance for stability (default 1e-5). */
  eps?: number;
}

/**
 * Layer normalisation (PyTorch's `F.layer_norm`): each sample is normalised over its last
 * `normalizedShape.length` dims with their mean and biased variance,
 * `y = (x − mean) / √(variance + eps) · weight + bias`.
 *
 * `x: [*, …normalizedShape] → [*, …normalizedShape]`; `weight`, `bias: normalizedShape`.
 *
 * @param x - the input, float32 or float64, whose trailing dims equal `normalizedShape`.
 * @param normalizedShape - the trailing shape to normalise over (a number for one dim).
 * @param options - `weight`, `bias`, `eps` (default 1e-5).
 * @throws `ShapeError` when the trailing dims of `x` (or the shapes of `weight`/`bias`) are not `normalizedShape`.
 * @throws `ArgumentError` for an invalid `normalizedShape` or options.
 * @throws `DTypeError` for non-float tensors.
 * @example
 * ```ts
 * layerNorm(tensor([[1, 3], [5, 15]]), [2], { eps: 0 }).toArray(); // [[-1, 1], [-1, 1]]
 * layerNorm(ones([4, 2, 3]), [2, 3]).shape;                         // [4, 2, 3]
 * layerNorm(ones([4, 5]), 3);                                       // throws ShapeError
 * ```
 * @category Functional
 */
export function layerNorm(x: Tensor, normalizedShape: number | readonly number[], options: LayerNormOptions = {}): Tensor {
  const op = 'layerNorm';
  checkTensorArg(op, 'x', x);
  checkFloat(op, 'x', x);
  const shape = typeof normalizedShape === 'number' ? [normalizedShape] : normalizedShape;
  if (!Array.isArray(shape) || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ArgumentError({ op, arg: 'normalizedShape', expected: 'a non-negative integer or a non-empty list of them', got: show(normalizedShape) });
  }
  const k = shape.length;
  if (x.rank < k || shape.some((d, i) => x.shape[x.rank - k + i] !== d)) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: `a tensor [*, ${shape.join(', ')}] (trailing dims = normalizedShape)`,
      got: `shape ${shapeText(x.shape)}`,
    });
  }
  const o = checkOptions(op, options, ['weight', 'bias', 'eps']);
  for (const arg of ['weight', 'bias'] as const) {
    const t = o[arg];
    if (t === null || t === undefined) continue;
    checkTensorArg(op, arg, t);
    checkFloat(op, arg, t);
    if (t.rank !== k || shape.some((d, i) => t.shape[i] !== d)) {
      throw new ShapeError({ op, arg, expected: `shape ${shapeText(shape)} (normalizedShape)`, got: shapeText(t.shape) });
    }
  }
  const eps = checkNumber(op, 'eps', o.eps, 1e-5, 0);
  const dims = shape.map((_, i) => x.rank - k + i);
  return tidy(() => {
    const centred = sub(x, mean(x, dims, true));
    const variance = mean(mul(centred, centred), dims, true);
    let y = mul(centred, rsqrt(add(variance, eps)));
    if (o.weight) y = mul(y, o.weight);
    if (o.bias) y = add(y, o.bias);
    return y;
  });
}
