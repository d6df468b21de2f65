import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { add } from '../elementwise/add.js';
import { exp } from '../elementwise/exp.js';
import { isFinite } from '../elementwise/is-finite.js';
import { log } from '../elementwise/log.js';
import { sub } from '../elementwise/sub.js';
import { where } from '../elementwise/where.js';
import { full } from '../creation/fill.js';
import { reshape } from '../movement/reshape.js';
import { checkTensor } from '../operands.js';
import { checkFlag, reduceAxes, reducedCount, reducedShape } from './dims.js';
import { max } from './max.js';
import { sum } from './sum.js';
import { toFloat } from './to-float.js';

/**
 * `log(sum(exp(x)))` over `dim` (every dim when omitted), computed stably as
 * `m + log(sum(exp(x - m)))` with `m` the maximum, so large values never overflow. A slice of only
 * -Inf (or an empty slice) gives -Inf; a slice holding +Inf gives +Inf; NaN propagates.
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `keepDim`); `int32`/`bool`
 * inputs give `float32`.
 *
 * @param x - the tensor.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param keepDim - keep reduced dims with size 1.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats,
 *   is not an integer, or `x` is not a tensor.
 * @example
 * ```ts
 * logsumexp(tensor([0, 0])).item();      // ≈ 0.693147 (log 2)
 * logsumexp(tensor([1000, 1000])).item(); // ≈ 1000.693 (no overflow)
 * logsumexp(tensor([-Infinity, -Infinity])).item(); // -Infinity
 * ```
 * @category Reduction
 */
export function logsumexp(x: Tensor, dim?: number | readonly number[], keepDim = false): Tensor {
  const t = checkTensor('logsumexp', 'x', x);
  const axes = reduceAxes('logsumexp', t, dim);
  const keep = checkFlag('logsumexp', 'keepDim', keepDim);
  const outShape = reducedShape(t.shape, axes, keep);
  if (reducedCount(t.shape, axes) === 0) {
    return full(outShape, -Infinity, { dtype: t.dtype === 'float64' ? 'float64' : 'float32' });
  }
  return tidy(() => {
    const xf = toFloat(t);
    const m = max(xf, axes, true);
    // An infinite or NaN maximum would give inf - inf = NaN; shifting by 0 instead gives the
    // right limit (-Inf for all -Inf, +Inf when +Inf is present) and keeps NaN.
    const shift = where(isFinite(m), m, 0);
    const total = sum(exp(sub(xf, shift)), axes, keep);
    return add(log(total), keep ? shift : reshape(shift, outShape));
  });
}
