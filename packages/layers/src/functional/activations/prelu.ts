import { gt, mul, reshape, ShapeError, tidy, where, type Tensor } from '@nn/tensor';
import { checkFloatTensor, checkTensorArg, shapeText } from './checks.js';

/**
 * The parametric ReLU, as PyTorch's `prelu`: `x` where `x > 0`, else `weight · x`, with one learned
 * slope for all channels (`weight: [1]`) or one per channel (`weight: [C]`, channels on dim 1).
 * Integer and bool inputs are computed in float32.
 *
 * `x: [N, C, *] → [N, C, *]` (any shape when `weight` has one element); `weight: [1]` or `[C]`.
 *
 * @param x - the input tensor.
 * @param weight - the negative slopes, a 1-D float tensor of 1 or `C` elements.
 * @returns a tensor of `x`'s shape.
 * @throws `ShapeError` when `weight` is not 1-D with 1 or `x.shape[1]` elements;
 *   `DTypeError` when `weight` is not float; `ArgumentError` when an argument is not a tensor.
 * @example
 * ```ts
 * prelu(tensor([-2, 3]), tensor([0.25])).toArray();                // [-0.5, 3]
 * prelu(tensor([[-1, -1], [2, -4]]), tensor([0.5, 0.25])).toArray(); // [[-0.5, -0.25], [2, -1]]
 * ```
 * @category Activations
 */
export function prelu(x: Tensor, weight: Tensor): Tensor {
  const op = 'prelu';
  checkTensorArg(op, 'x', x);
  checkFloatTensor(op, 'weight', weight);
  const channels = x.rank >= 2 ? x.shape[1]! : 1;
  if (weight.rank !== 1 || (weight.shape[0] !== 1 && weight.shape[0] !== channels)) {
    throw new ShapeError({
      op,
      arg: 'weight',
      expected: `a 1-D tensor of 1 or ${channels} (the channels, x.shape[1]) elements`,
      got: `shape ${shapeText(weight.shape)}`,
    });
  }
  return tidy(() => {
    const slope =
      weight.shape[0] === 1 ? reshape(weight, []) : reshape(weight, [channels, ...x.shape.slice(2).map(() => 1)]);
    return where(gt(x, 0), x, mul(x, slope));
  });
}
