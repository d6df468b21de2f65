import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import type { PairLike } from './conv-options.js';
import { checkRank, expectShape, floatDType } from './conv-options.js';
import type { MaxPool2dOptions } from './max-pool2d.js';
import { poolAttrs } from './pool-options.js';

/**
 * Gradient of `maxPool2d` with respect to its input: each `dy: [N, C, H', W']` element goes to the
 * position of its window's maximum in `x: [N, C, H, W]` (the first maximum, as PyTorch's indices),
 * summed where windows overlap → `[N, C, H, W]`.
 *
 * @param dy - gradient of the pooled output, float32 or float64.
 * @param x - the forward input.
 * @param kernelSize - as in the forward call.
 * @param options - as in the forward call.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when `dy` is not the forward output shape of `x`.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float tensors.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for invalid sizes or options.
 * @example
 * ```ts
 * const x = tensor([[[[1, 3], [2, 0]]]]);
 * maxPool2dBackprop(ones([1, 1, 1, 1]), x, 2).toArray(); // [[[[0, 1], [0, 0]]]]
 * ```
 * @category Pooling
 */
export function maxPool2dBackprop(dy: Tensor, x: Tensor, kernelSize: PairLike, options?: MaxPool2dOptions): Tensor {
  const op = 'maxPool2dBackprop';
  checkTensor(op, 'dy', dy);
  checkTensor(op, 'x', x);
  checkRank(op, 'x', x, [4], '[N, C, H, W]');
  checkRank(op, 'dy', dy, [4], "[N, C, H', W']");
  const dtype = floatDType(op, { dy, x });
  const { attrs, out } = poolAttrs(op, x.shape, kernelSize, options, ['stride', 'padding', 'dilation', 'ceilMode']);
  expectShape(op, 'dy', dy, [x.shape[0]!, x.shape[1]!, ...out], `the pooled output of x ${formatShape(x.shape)}`);
  const { kernelSize: k, stride, padding, ceilMode, dilation } = attrs;
  return tidy(() =>
    runKernel(
      'MaxPool2DBackprop',
      { dy: castTo(dy, dtype), x: castTo(x, dtype) },
      { kernelSize: k, stride, padding, ceilMode, dilation },
    ),
  );
}
