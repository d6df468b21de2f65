import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import type { Conv2dOptions } from './conv-options.js';
import {
  checkChannels,
  checkRank,
  checkShape4,
  convAttrs,
  convOutputShape,
  expectShape,
  floatDType,
} from './conv-options.js';

/**
 * Gradient of `conv2d` with respect to its input (also the core of `convTranspose2d`):
 * `dy: [N, O, H', W']`, `weight: [O, C / groups, kh, kw]` → `inputShape` (`[N, C, H, W]`).
 *
 * @param dy - gradient of the convolution output, float32 or float64.
 * @param weight - the forward filters.
 * @param inputShape - the forward input's shape.
 * @param options - as in the forward call (see {@link Conv2dOptions}).
 * @throws {@link ShapeError} when `dy` is not the forward output shape, or channels do not match.
 * @throws {@link DTypeError} for non-float tensors.
 * @throws {@link ArgumentError} for an invalid `inputShape` or options.
 * @example
 * ```ts
 * conv2dBackpropInput(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), [1, 1, 3, 3]).toArray();
 * // [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]
 * ```
 * @category Convolution
 */
export function conv2dBackpropInput(
  dy: Tensor,
  weight: Tensor,
  inputShape: readonly [number, number, number, number],
  options?: Conv2dOptions,
): Tensor {
  const op = 'conv2dBackpropInput';
  checkTensor(op, 'dy', dy);
  checkTensor(op, 'weight', weight);
  checkRank(op, 'dy', dy, [4], "[N, O, H', W']");
  checkRank(op, 'weight', weight, [4], '[O, C / groups, kh, kw]');
  const dtype = floatDType(op, { dy, weight });
  const shape = checkShape4(op, 'inputShape', inputShape);
  const attrs = convAttrs(op, options, [weight.shape[2]!, weight.shape[3]!]);
  checkChannels(op, shape, weight.shape, attrs.groups);
  const out = convOutputShape(op, shape, weight.shape, attrs);
  expectShape(op, 'dy', dy, [shape[0], weight.shape[0]!, ...out], `the conv2d output for input ${formatShape(shape)}`);
  return tidy(() =>
    runKernel(
      'Conv2DBackpropInput',
      { dy: castTo(dy, dtype), w: castTo(weight, dtype) },
      { ...attrs, inputShape: shape },
    ),
  );
}
