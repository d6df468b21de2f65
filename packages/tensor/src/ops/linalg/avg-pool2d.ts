import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import type { PairLike, Pool2dOptions } from './conv-options.js';
import { checkRank, floatDType, reshapeTo } from './conv-options.js';
import { poolAttrs } from './pool-options.js';

/** Options of `avgPool2d`. @category Pooling */
export interface AvgPool2dOptions extends Pool2dOptions {
  /** Count padding positions in each window's divisor (PyTorch's `count_include_pad`); default true. */
  countIncludePad?: boolean;
}

/**
 * 2-D average pooling (PyTorch's `avg_pool2d`): `x: [N, C, H, W]` → `[N, C, H', W']` with
 * `H' = ⌊(H + 2·ph − kh) / sh⌋ + 1` (⌈⌉ with `ceilMode`). Each window's sum is divided by its size
 * clipped to the padded input (`countIncludePad`, the default) or to the input itself. An unbatched
 * `x: [C, H, W]` gives `[C, H', W']`.
 *
 * @param x - input, float32 or float64.
 * @param kernelSize - window size, `[kh, kw]` or one number.
 * @param options - `stride` (default `kernelSize`), `padding` (≤ half the kernel), `ceilMode`, `countIncludePad`.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} for a wrong rank or an input too small for one window.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float input.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for invalid sizes or options.
 * @example
 * ```ts
 * const x = tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);
 * avgPool2d(x, 2).toArray(); // [[[[3.5, 5.5], [11.5, 13.5]]]]
 * avgPool2d(x, 3, { stride: 1, padding: 1, countIncludePad: false }).shape; // [1, 1, 4, 4]
 * ```
 * @category Pooling
 */
export function avgPool2d(x: Tensor, kernelSize: PairLike, options?: AvgPool2dOptions): Tensor {
  const op = 'avgPool2d';
  checkTensor(op, 'x', x);
  checkRank(op, 'x', x, [4, 3], '[N, C, H, W] (or unbatched [C, H, W])');
  floatDType(op, { x });
  const xShape = x.rank === 4 ? x.shape : [1, ...x.shape];
  const { attrs, out } = poolAttrs(op, xShape, kernelSize, options, [
    'stride',
    'padding',
    'ceilMode',
    'countIncludePad',
  ]);
  const { kernelSize: k, stride, padding, ceilMode, countIncludePad } = attrs;
  return tidy(() => {
    const y = runKernel(
      'AvgPool2D',
      { x: reshapeTo(x, xShape) },
      { kernelSize: k, stride, padding, ceilMode, countIncludePad },
    );
    return x.rank === 4 ? y : reshapeTo(y, [x.shape[0]!, ...out]);
  });
}
