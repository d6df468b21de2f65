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
 * Gradient of `conv2d` with respect to its filters: `x: [N, C, H, W]`, `dy: [N, O, H', W']` →
 * `filterShape` (`[O, C / groups, kh, kw]`), summed over the batch.
 *
 * @param x - the forward input, float32 or float64.
 * @param dy - gradient of the convolution output.
 * @param filterShape - the filters' shape.
 * @param options - as in the forward call (see {@link Conv2dOptions}).
 * @throws {@link ShapeError} when `dy` is not the forward output shape, or channels do not match.
 * @throws {@link DTypeError} for non-float tensors.
 * @throws {@link ArgumentError} for an invalid `filterShape` or options.
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
  const op = 'conv2dBackpropFilter';
  checkTensor(op, 'x', x);
  checkTensor(op, 'dy', dy);
  checkRank(op, 'x', x, [4], '[N, C, H, W]');
  checkRank(op, 'dy', dy, [4], "[N, O, H', W']");
  const dtype = floatDType(op, { x, dy });
  const shape = checkShape4(op, 'filterShape', filterShape);
  const attrs = convAttrs(op, options, [shape[2], shape[3]]);
  checkChannels(op, x.shape, shape, attrs.groups);
  const out = convOutputShape(op, x.shape, shape, attrs);
  expectShape(
    op,
    'dy',
    dy,
    [x.shape[0]!, shape[0], ...out],
    `the conv2d output of x ${formatShape(x.shape)} with filters ${formatShape(shape)}`,
  );
  return tidy(() =>
    runKernel('Conv2DBackpropFilter', { x: castTo(x, dtype), dy: castTo(dy, dtype) }, { ...attrs, filterShape: shape }),
  );
}
