import type { Tensor } from '@nn/tensor';
import { checkNonlinearity } from './checks.js';
import { runCell } from './run-cell.js';
import type { RecurrentWeights, RNNCellFunctionalOptions } from './types.js';

/**
 * One step of an Elman RNN cell: `h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)` with `act` tanh or
 * ReLU. Shapes: `x: [N, inputSize]`, `h: [N, H]` → `[N, H]`; unbatched `x: [inputSize]`,
 * `h: [H]` → `[H]`. The module form is {@link "@nn/layers".index.RNNCell | RNNCell}.
 * @param x - the input of this step.
 * @param h - the previous hidden state; `null`/omitted for zeros.
 * @param weights - `weightIh: [H, inputSize]`, `weightHh: [H, H]`, optional biases `[H]`.
 * @param options - `nonlinearity`: `'tanh'` (default) or `'relu'`.
 * @returns the next hidden state.
 * @throws `ShapeError` when `x`, `h` or the weights have the wrong shapes.
 * @throws `DTypeError` when the dtypes differ.
 * @throws `ArgumentError` for an unknown nonlinearity.
 * @example
 * ```ts
 * const weights = { weightIh: ones([2, 3]), weightHh: ones([2, 2]) };
 * rnnCell(ones([1, 3]), null, weights, { nonlinearity: 'relu' }).toArray(); // [[3, 3]]
 * rnnCell(ones([3]), ones([2]), weights).shape;                            // [2]
 * rnnCell(ones([1, 4]), null, weights);                                     // throws ShapeError
 * ```
 * @category Recurrent
 */
export function rnnCell(
  x: Tensor,
  h: Tensor | null | undefined,
  weights: RecurrentWeights,
  options: RNNCellFunctionalOptions = {},
): Tensor {
  const kind = checkNonlinearity('rnnCell', options.nonlinearity) === 'relu' ? 'rnn_relu' : 'rnn_tanh';
  return runCell('rnnCell', kind, x, h == null ? null : [h], weights, ['h'])[0]!;
}
