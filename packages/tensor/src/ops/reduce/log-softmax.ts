import { isFloat } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import { singleAxis } from './dims.js';

/**
 * Log-softmax along `dim`: `(x - max) - log(sum(exp(x - max)))`, the stable form of
 * `log(softmax(x))` (no overflow for large logits, no `log(0)` for very negative ones). A slice
 * holding NaN, +Inf, or only -Inf gives NaN, as in PyTorch.
 *
 * `x: [D0, …, Dn]` → `[D0, …, Dn]`; float dtypes are kept, `int32`/`bool` inputs give `float32`.
 *
 * @param x - the logits.
 * @param dim - the dim to normalise over (default the last; negative counts from the end).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when `dim` is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `dim` is not an
 *   integer or `x` is not a tensor.
 * @example
 * ```ts
 * logSoftmax(tensor([1000, 0])).toArray();     // [0, -1000]
 * logSoftmax(tensor([[2, 2], [7, 7]])).toArray(); // ≈ [[-0.693147, -0.693147], [-0.693147, -0.693147]] (log 0.5)
 * ```
 * @category Activations
 */
export function logSoftmax(x: Tensor, dim = -1): Tensor {
  const t = checkTensor('logSoftmax', 'x', x);
  const axis = singleAxis('logSoftmax', t, dim);
  if (isFloat(t.dtype)) return runKernel('LogSoftmax', { x: t }, { axis });
  return tidy(() => runKernel('LogSoftmax', { x: castTo(t, 'float32') }, { axis }));
}
