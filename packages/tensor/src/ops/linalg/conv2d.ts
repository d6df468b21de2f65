import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ShapeError } from '../../errors.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import type { Conv2dOptions } from './conv-options.js';
import { checkChannels, checkRank, convAttrs, convOutputShape, floatDType, reshapeTo } from './conv-options.js';

/**
 * 2-D convolution (cross-correlation, like PyTorch's `conv2d`):
 * `x: [N, C, H, W]`, `weight: [O, C / groups, kh, kw]`, `bias: [O]` → `[N, O, H', W']` with
 * `H' = ⌊(H + padTop + padBottom − dilation·(kh − 1) − 1) / stride⌋ + 1` (likewise `W'`).
 * An unbatched `x: [C, H, W]` gives `[O, H', W']`.
 *
 * @param x - input, float32 or float64.
 * @param weight - filters.
 * @param bias - optional per-output-channel bias (`null` or omitted for none).
 * @param options - `stride`, `padding` (number, `[ph, pw]`, `[top, bottom, left, right]`, `'same'`
 *   or `'valid'`), `dilation`, `groups`. See {@link Conv2dOptions}.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} for wrong ranks, channels that do not match `weight` or are not divisible
 *   by `groups`, a kernel larger than the padded input, or a bias that is not `[O]`.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float tensors.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for invalid options (e.g. `'same'` with a stride other than 1).
 * @example
 * ```ts
 * const x = ones([1, 1, 3, 3]);
 * conv2d(x, ones([1, 1, 2, 2])).toArray();                 // [[[[4, 4], [4, 4]]]]
 * conv2d(x, ones([2, 1, 3, 3]), null, { padding: 1 }).shape; // [1, 2, 3, 3]
 * ```
 * @category Convolution
 */
export function conv2d(x: Tensor, weight: Tensor, bias?: Tensor | null, options?: Conv2dOptions): Tensor {
  const op = 'conv2d';
  checkTensor(op, 'x', x);
  checkTensor(op, 'weight', weight);
  const b = bias ?? null;
  if (b !== null) checkTensor(op, 'bias', b);
  checkRank(op, 'x', x, [4, 3], '[N, C, H, W] (or unbatched [C, H, W])');
  checkRank(op, 'weight', weight, [4], '[O, C / groups, kh, kw]');
  const dtype = floatDType(op, { x, weight, bias: b });
  const attrs = convAttrs(op, options, [weight.shape[2]!, weight.shape[3]!]);
  const xShape = x.rank === 4 ? x.shape : [1, ...x.shape];
  checkChannels(op, xShape, weight.shape, attrs.groups);
  const [oh, ow] = convOutputShape(op, xShape, weight.shape, attrs);
  const o = weight.shape[0]!;
  if (b !== null && (b.rank !== 1 || b.shape[0] !== o)) {
    throw new ShapeError({
      op,
      arg: 'bias',
      expected: `shape [${o}] (one value per output channel)`,
      got: formatShape(b.shape),
    });
  }
  return tidy(() => {
    const x4 = castTo(reshapeTo(x, xShape), dtype);
    let y = runKernel('Conv2D', { x: x4, w: castTo(weight, dtype) }, attrs);
    if (b !== null) y = runKernel('Add', { a: y, b: reshapeTo(castTo(b, dtype), [1, o, 1, 1]) }, {});
    return x.rank === 4 ? y : reshapeTo(y, [o, oh, ow]);
  });
}
