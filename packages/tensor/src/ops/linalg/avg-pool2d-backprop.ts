import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import type { PairLike } from './conv-options.js';
import { checkRank, checkShape4, expectShape, floatDType } from './conv-options.js';
import type { AvgPool2dOptions } from './avg-pool2d.js';
import { poolAttrs } from './pool-options.js';

/**
 * Gradient of `avgPool2d` with respect to its input: each `dy: [N, C, H', W']` element, divided by
 * its window's divisor, is spread over the window → `inputShape` (`[N, C, H, W]`).
 *
 * @param dy - gradient of the pooled output, float32 or float64.
 * @param inputShape - the forward input's shape.
 * @param kernelSize - as in the forward call.
 * @param options - as in the forward call.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when `dy` is not the forward output shape for `inputShape`.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float `dy`.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an invalid `inputShape`, sizes or options.
 * @example
 * ```ts
 * avgPool2dBackprop(ones([1, 1, 1, 1]), [1, 1, 2, 2], 2).toArray(); // [[[[0.25, 0.25], [0.25, 0.25]]]]
 * ```
 * @category Pooling
 */
export function avgPool2dBackprop(
  dy: Tensor,
  inputShape: readonly [number, number, number, number],
  kernelSize: PairLike,
  options?: AvgPool2dOptions,
): Tensor {
  const op = 'avgPool2dBackprop';
  checkTensor(op, 'dy', dy);
  checkRank(op, 'dy', dy, [4], "[N, C, H', W']");
  const dtype = floatDType(op, { dy });
  const shape = checkShape4(op, 'inputShape', inputShape);
  const { attrs, out } = poolAttrs(op, shape, kernelSize, options, [
    'stride',
    'padding',
    'ceilMode',
    'countIncludePad',
  ]);
  expectShape(op, 'dy', dy, [shape[0], shape[1], ...out], `the pooled output for inputShape ${formatShape(shape)}`);
  const { kernelSize: k, stride, padding, ceilMode, countIncludePad } = attrs;
  return tidy(() =>
    runKernel(
      'AvgPool2DBackprop',
      { dy: castTo(dy, dtype) },
      { kernelSize: k, stride, padding, ceilMode, countIncludePad, inputShape: shape },
    ),
  );
}
