import { elu, mul, tidy, type Tensor } from '@nn/tensor';
import { checkTensorArg } from './checks.js';

/** SELU's α (Klambauer et al., 2017), PyTorch's constant. */
const SELU_ALPHA = 1.6732632423543772;
/** SELU's scale λ, PyTorch's constant. */
const SELU_SCALE = 1.0507009873554805;

/**
 * The scaled exponential linear unit, `λ · elu(x, α)` with PyTorch's constants α ≈ 1.6733 and
 * λ ≈ 1.0507, elementwise, as PyTorch's `selu` (self-normalising networks). Integer and bool
 * inputs are computed in float32.
 *
 * `x: [*] → [*]`
 *
 * @param x - the input tensor.
 * @returns a float tensor of the same shape.
 * @throws `ArgumentError` when `x` is not a tensor.
 * @example
 * ```ts
 * selu(tensor([0, 1, -1000])).toArray(); // ≈ [0, 1.050701, -1.758099]
 * ```
 * @category Activations
 */
export function selu(x: Tensor): Tensor {
  checkTensorArg('selu', 'x', x);
  return tidy(() => mul(elu(x, SELU_ALPHA), SELU_SCALE));
}
