import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { castTo } from '../operands.js';
import type { Conv2dOptions } from './conv-options.js';
import { checkConvGradArgs } from './conv-options.js';

/**
 * Gradient of `conv2d` with respect to its input (also the core of `convTranspose2d`):
 * `dy: [N, O, H', W']`, `weight: [O, C / groups, kh, kw]` → `inputShape` (`[N, C, H, W]`).
 *
 * @param dy - gradient of the convolution output, float32 or float64.
 * @param weight - the forward filters.
 * @param inputShape - the forward input's shape.
 * @param options - as in the forward call (see {@link Conv2dOptions}).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when `dy` is not the forward output shape, or channels do not match.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float tensors.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an invalid `inputShape` or options.
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
  const { dtype, attrs, shape } = checkConvGradArgs('conv2dBackpropInput', dy, ['weight', weight], inputShape, options);
  return tidy(() =>
    runKernel(
      'Conv2DBackpropInput',
      { dy: castTo(dy, dtype), w: castTo(weight, dtype) },
      { ...attrs, inputShape: shape },
    ),
  );
}
