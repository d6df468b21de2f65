import type { Tensor } from '@nn/tensor';
import { runCell } from './run-cell.js';
import type { RecurrentWeights } from './types.js';

/**
 * One step of a GRU cell, with PyTorch's gate order r, z, n stacked in the weights:
 * `r = σ(W_ir·x + b_ir + W_hr·h + b_hr)`, `z = σ(W_iz·x + b_iz + W_hz·h + b_hz)`,
 * `n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn))`, `h' = (1 − z)·n + z·h`. Shapes:
 * `x: [N, inputSize]`, `h: [N, H]` → `[N, H]`; unbatched `x: [inputSize]`, `h: [H]` → `[H]`.
 * The module form is {@link "@nn/layers".index.GRUCell | GRUCell}.
 * @param x - the input of this step.
 * @param h - the previous hidden state; `null`/omitted for zeros.
 * @param weights - `weightIh: [3H, inputSize]`, `weightHh: [3H, H]`, optional biases `[3H]`.
 * @returns the next hidden state.
 * @throws `ShapeError` when `x`, `h` or the weights have the wrong shapes.
 * @throws `DTypeError` when the dtypes differ.
 * @example
 * ```ts
 * // All weights zero: r = z = 1/2, n = 0, so h' = h / 2.
 * const weights = { weightIh: zeros([6, 3]), weightHh: zeros([6, 2]) };
 * gruCell(ones([1, 3]), tensor([[2, -4]]), weights).toArray(); // [[1, -2]]
 * ```
 * @category Recurrent
 */
export function gruCell(x: Tensor, h: Tensor | null | undefined, weights: RecurrentWeights): Tensor {
  return runCell('gruCell', 'gru', x, h == null ? null : [h], weights, ['h'])[0]!;
}
