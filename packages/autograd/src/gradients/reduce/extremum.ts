import { div, eq, mul, sum, type Tensor } from '@nn/tensor';
import { keepDims } from './keep-dims.js';

/**
 * The gradient of a `Max` or `Min` reduction (PyTorch's `amax`/`amin` convention): `dy` is split
 * evenly among the elements equal to the result, so `k` tied extrema each get `dy / k` and every
 * other element gets 0. When a slice holds NaN the result is NaN, no element equals it, and the
 * slice's gradient is NaN (`dy / 0 · 0`), as in PyTorch.
 *
 * Shapes: `dy, y: [...reduced]`, `x: [...in]` → `[...in]`.
 */
export function extremumGrad(dy: Tensor, x: Tensor, y: Tensor, axes: readonly number[], keepDim: boolean): Tensor {
  const isExtremum = eq(x, keepDims(y, x.shape, axes, keepDim));
  const count = sum(isExtremum, axes, true);
  return mul(div(keepDims(dy, x.shape, axes, keepDim), count), isExtremum);
}
