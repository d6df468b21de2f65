import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { sqrt } from '../elementwise/sqrt.js';
import type { VarianceOptions } from './dims.js';
import { varianceOf } from './variance.js';

/**
 * The standard deviation of `x` over `dim` (every dim when omitted): `sqrt(variance(x, dim,
 * options))`, with the same `correction` rule (default 1, unbiased; NaN or +Inf when
 * `N - correction ≤ 0`, as in PyTorch).
 *
 * `x: [D0, …, Dn]` → the shape without the reduced dims (kept as 1 with `options.keepDim`);
 * `int32`/`bool` inputs give `float32`.
 *
 * @param x - the tensor.
 * @param dim - a dim, several dims, or `undefined` for all.
 * @param options - `correction` (default 1) and `keepDim` (default false).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} when a dim is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a dim repeats or
 *   is not an integer, or an option is invalid.
 * @example
 * ```ts
 * const x = tensor([2, 4, 4, 4, 5, 5, 7, 9]);
 * std(x, 0, { correction: 0 }).item(); // 2
 * std(x).item();                        // ≈ 2.13809 (unbiased: sqrt(32 / 7))
 * ```
 * @category Reduction
 */
export function std(x: Tensor, dim?: number | readonly number[], options?: VarianceOptions): Tensor {
  return tidy(() => sqrt(varianceOf('std', x, dim, options)));
}
