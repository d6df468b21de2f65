import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { DTypeError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import type { PairLike, Pool2dOptions } from './conv-options.js';
import { checkRank, reshapeTo } from './conv-options.js';
import { poolAttrs } from './pool-options.js';

/** Options of `maxPool2d`. @category Pooling */
export interface MaxPool2dOptions extends Pool2dOptions {
  /** Spacing between window taps, `[dh, dw]` or one number; default 1. */
  dilation?: PairLike;
}

/**
 * 2-D max pooling (PyTorch's `max_pool2d`): `x: [N, C, H, W]` → `[N, C, H', W']` with
 * `H' = ⌊(H + 2·ph − dh·(kh − 1) − 1) / sh⌋ + 1` (⌈⌉ with `ceilMode`); padding counts as −∞ and NaN
 * propagates. An unbatched `x: [C, H, W]` gives `[C, H', W']`.
 *
 * @param x - input, float32, float64 or int32.
 * @param kernelSize - window size, `[kh, kw]` or one number.
 * @param options - `stride` (default `kernelSize`), `padding` (≤ half the kernel), `dilation`, `ceilMode`.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} for a wrong rank or an input too small for one window.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for `bool` input.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for invalid sizes or options.
 * @example
 * ```ts
 * const x = tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);
 * maxPool2d(x, 2).toArray(); // [[[[6, 8], [14, 16]]]]
 * ```
 * @category Pooling
 */
export function maxPool2d(x: Tensor, kernelSize: PairLike, options?: MaxPool2dOptions): Tensor {
  const op = 'maxPool2d';
  checkTensor(op, 'x', x);
  checkRank(op, 'x', x, [4, 3], '[N, C, H, W] (or unbatched [C, H, W])');
  if (x.dtype === 'bool')
    throw new DTypeError({ op, arg: 'x', expected: 'a float32, float64 or int32 tensor', got: 'bool' });
  const xShape = x.rank === 4 ? x.shape : [1, ...x.shape];
  const { attrs, out } = poolAttrs(op, xShape, kernelSize, options, ['stride', 'padding', 'dilation', 'ceilMode']);
  const { kernelSize: k, stride, padding, ceilMode, dilation } = attrs;
  return tidy(() => {
    const y = runKernel(
      'MaxPool2D',
      { x: reshapeTo(x, xShape) },
      { kernelSize: k, stride, padding, ceilMode, dilation },
    );
    return x.rank === 4 ? y : reshapeTo(y, [x.shape[0]!, ...out]);
  });
}
