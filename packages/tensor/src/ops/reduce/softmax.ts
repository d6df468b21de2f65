import { isFloat } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import { singleAxis } from './dims.js';

/**
 * Softmax along `dim`: `exp(x - max) / sum(exp(x - max))`, so each slice along `dim` is
 * non-negative and sums to 1. Numerically stable (the maximum is subtracted first), so large
 * logits never overflow; a slice holding NaN, +Inf, or only -Inf gives NaN, as in PyTorch.
 *
 * `x: [D0, …, Dn]` → `[D0, …, Dn]`; float dtypes are kept, `int32`/`bool` inputs give `float32`.
 *
 * @param x - the logits.
 * @param dim - the dim to normalise over (default the last; negative counts from the end).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when `dim` is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `dim` is not an
 *   integer or `x` is not a tensor.
 * @example
 * ```ts
 * softmax(tensor([1, 1, 1, 1])).toArray(); // [0.25, 0.25, 0.25, 0.25]
 * softmax(tensor([1000, 0])).toArray();        // [1, 0]
 * softmax(tensor([[0, 0], [5, 5]]), 1).toArray(); // [[0.5, 0.5], [0.5, 0.5]]
 * ```
 * @category Activations
 */
export function softmax(x: Tensor, dim = -1): Tensor {
  const t = checkTensor('softmax', 'x', x);
  const axis = singleAxis('softmax', t, dim);
  if (isFloat(t.dtype)) return runKernel('Softmax', { x: t }, { axis });
  return tidy(() => runKernel('Softmax', { x: castTo(t, 'float32') }, { axis }));
}
