import { reshape, type Tensor } from '@nn/tensor';

/**
 * `t` (a reduction's output or its gradient) reshaped so the reduced `axes` of an input of shape
 * `inputShape` are present with size 1, ready to broadcast against the input. Returns `t` itself
 * when nothing was reduced or the dims were kept.
 *
 * Shapes: `t: [...reduced]` → `[...inputShape with axes set to 1]`.
 */
export function keepDims(t: Tensor, inputShape: readonly number[], axes: readonly number[], keepDim: boolean): Tensor {
  if (keepDim || axes.length === 0) return t;
  return reshape(
    t,
    inputShape.map((d, i) => (axes.includes(i) ? 1 : d)),
  );
}
