import { ArgumentError, type Tensor } from '@nn/tensor';
import { runCell } from './run-cell.js';
import type { RecurrentWeights } from './types.js';

/**
 * One step of an LSTM cell, with PyTorch's gate order i, f, g, o stacked in the weights:
 * `[i, f, g, o] = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh`, `c' = σ(f)·c + σ(i)·tanh(g)`,
 * `h' = σ(o)·tanh(c')`. Shapes: `x: [N, inputSize]`, `h, c: [N, H]` → `[h', c']`, each `[N, H]`;
 * unbatched `x: [inputSize]`, `h, c: [H]` → `[H]` each. The module form is {@link "@nn/layers".index.LSTMCell | LSTMCell}.
 * @param x - the input of this step.
 * @param state - `[h, c]`, the previous hidden and cell states; `null`/omitted for zeros.
 * @param weights - `weightIh: [4H, inputSize]`, `weightHh: [4H, H]`, optional biases `[4H]`.
 * @returns `[h', c']`.
 * @throws `ShapeError` when `x`, the states or the weights have the wrong shapes.
 * @throws `DTypeError` when the dtypes differ.
 * @throws `ArgumentError` when `state` is not a pair of tensors.
 * @example
 * ```ts
 * const weights = { weightIh: zeros([8, 3]), weightHh: zeros([8, 2]) };
 * const [h, c] = lstmCell(ones([1, 3]), [zeros([1, 2]), ones([1, 2])], weights);
 * c.toArray(); // [[0.5, 0.5]]
 * h.shape;     // [1, 2]
 * ```
 * @category Recurrent
 */
export function lstmCell(
  x: Tensor,
  state: readonly [Tensor, Tensor] | null | undefined,
  weights: RecurrentWeights,
): [Tensor, Tensor] {
  return lstmCellAs('lstmCell', x, state, weights);
}

/** `lstmCell` reporting errors as `op`, and checking the state is a pair (internal). */
export function lstmCellAs(
  op: string,
  x: Tensor,
  state: readonly [Tensor, Tensor] | null | undefined,
  weights: RecurrentWeights,
): [Tensor, Tensor] {
  if (state != null && (!Array.isArray(state) || state.length !== 2)) {
    throw new ArgumentError({
      op,
      arg: 'state',
      expected: 'a pair [h, c] of tensors, or null',
      got: Array.isArray(state) ? `an array of length ${state.length}` : typeof state,
    });
  }
  const [h, c] = runCell(op, 'lstm', x, state ?? null, weights, ['h', 'c']) as [Tensor, Tensor];
  return [h, c];
}
