import { tidy } from '../../engine/scope.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { abs } from '../elementwise/abs.js';
import { mul } from '../elementwise/mul.js';
import { pow } from '../elementwise/pow.js';
import { sqrt } from '../elementwise/sqrt.js';
import { checkTensor, describe } from '../operands.js';
import { assertNonEmpty, checkFlag, reduceAxes } from './dims.js';
import { max } from './max.js';
import { sum } from './sum.js';
import { toFloat } from './to-float.js';

/**
 * The vector `p`-norm of `x` over `dim` (every dim when omitted): `sum(|x|^p)^(1/p)`.
 * `p = 2` (default) and `'fro'` are the Euclidean/Frobenius norm `sqrt(sum(x^2))`, `p = 1` is
 * `sum(|x|)`, `p = Infinity` or `'inf'` is `max(|x|)`; any other `p > 0` uses the general formula.
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `keepDim`); `int32`/`bool`
 * inputs give `float32`. The norm of an empty set is 0 (except the inf-norm, which has no
 * identity and throws, as in PyTorch). Values are squared in the input's float dtype, so float32
 * entries beyond ~1.8e19 overflow to Inf.
 *
 * @param x - the tensor.
 * @param p - the order: a number > 0 (including `Infinity`), `'inf'` or `'fro'`.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param keepDim - keep reduced dims with size 1.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for another `p`, a repeated or non-integer dim;
 *   {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range, or for the inf-norm of an empty set.
 * @example
 * ```ts
 * const x = tensor([[3, -4], [0, 0]]);
 * norm(x).item();               // 5
 * norm(x, 1, 1).toArray();      // [7, 0]
 * norm(x, 'inf').item();        // 4
 * norm(tensor([1, 1, 1, 1]), 4).item(); // ≈ 1.414214 (4^(1/4))
 * ```
 * @category Reduction
 */
export function norm(x: Tensor, p: number | 'fro' | 'inf' = 2, dim?: number | readonly number[], keepDim = false): Tensor {
  const t = checkTensor('norm', 'x', x);
  const order = p === 'fro' ? 2 : p === 'inf' ? Infinity : p;
  if (typeof order !== 'number' || !(order > 0)) {
    throw new ArgumentError({ op: 'norm', arg: 'p', expected: "a number > 0, Infinity, 'inf' or 'fro'", got: describe(p) });
  }
  const axes = reduceAxes('norm', t, dim);
  const keep = checkFlag('norm', 'keepDim', keepDim);
  if (order === Infinity) assertNonEmpty('norm', t, axes);
  return tidy(() => {
    const xf = toFloat(t);
    if (order === 2) return sqrt(sum(mul(xf, xf), axes, keep));
    if (order === 1) return sum(abs(xf), axes, keep);
    if (order === Infinity) return max(abs(xf), axes, keep);
    return pow(sum(pow(abs(xf), order), axes, keep), 1 / order);
  });
}
