import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { castTo } from '../operands.js';
import type { Conv2dOptions } from './conv-options.js';
import { checkConvGradArgs } from './conv-options.js';

/**
 * Gradient of `conv2d` with respect to its filters: `x: [N, C, H, W]`, `dy: [N, O, H', W']` →
 * `filterShape` (`[O, C / groups, kh, kw]`), summed over the batch.
 *
 * @param x - the forward input, float32 or float64.
 * @param dy - gradient of the convolution output.
 * @param filterShape - the filters' shape.
 * @param options - as in the forward call (see {@link Conv2dOptions}).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when `dy` is not the forward output shape, or channels do not match.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float tensors.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an invalid `filterShape` or options.
 * @example
 * ```ts
 * conv2dBackpropFilter(ones([1, 1, 3, 3]), ones([1, 1, 2, 2]), [1, 1, 2, 2]).toArray(); // [[[[4, 4], [4, 4]]]]
 * ```
 * @category Convolution
 */
export function conv2dBackpropFilter(
  x: Tensor,
  dy: Tensor,
  filterShape: readonly [number, number, number, number],
  options?: Conv2dOptions,
): Tensor {
  const { dtype, attrs, shape } = checkConvGradArgs('conv2dBackpropFilter', dy, ['x', x], filterShape, options);
  return tidy(() =>
    runKernel('Conv2DBackpropFilter', { x: castTo(x, dtype), dy: castTo(dy, dtype) }, { ...attrs, filterShape: shape }),
  );
}
