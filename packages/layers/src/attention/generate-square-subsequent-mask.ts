import { tensor, type Tensor } from '@nn/tensor';
import { checkInt, checkOptions, layerOptions } from '../layers/checks.js';

/**
 * The causal mask of a sequence of `size` positions, as PyTorch's
 * `nn.Transformer.generate_square_subsequent_mask`: a float `[size, size]` tensor with −∞ above
 * the diagonal (position `i` may not attend to `j > i`) and 0 elsewhere. Pass it as `attnMask` /
 * `srcMask` / `mask` (it is added to the scores), or use `isCausal: true` instead.
 *
 * @param size - the sequence length L (≥ 0).
 * @param options - `dtype` (default `'float32'`).
 * @returns `[size, size]`.
 * @throws `ArgumentError` for a negative or non-integer size.
 * @example
 * ```ts
 * generateSquareSubsequentMask(3).toArray(); // [[0, -Infinity, -Infinity], [0, 0, -Infinity], [0, 0, 0]]
 * generateSquareSubsequentMask(2, { dtype: 'float64' }).dtype; // 'float64'
 * generateSquareSubsequentMask(-1); // throws ArgumentError
 * ```
 * @category Attention
 */
export function generateSquareSubsequentMask(size: number, options: { dtype?: 'float32' | 'float64' } = {}): Tensor {
  const op = 'generateSquareSubsequentMask';
  const n = checkInt(op, 'size', size, 0);
  const { dtype } = layerOptions(op, checkOptions(op, options, ['dtype']));
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) values[i * n + j] = -Infinity;
  return tensor(values, { shape: [n, n], dtype });
}
