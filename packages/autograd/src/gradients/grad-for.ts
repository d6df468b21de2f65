import type { Tensor } from '@nn/tensor';
import { requiresGrad } from '../requires-grad.js';

/**
 * Computes an input's gradient only when gradients flow to that input: a binary op with a
 * constant operand (`mul(x, 2)`, `pow(x, 3)`, `maximum(x, 0)`) then skips the work for the
 * constant side, which the reverse pass would discard anyway. The answer is the same one the
 * pass itself checks before using a gradient.
 */
export function gradFor(input: Tensor, compute: () => Tensor): Tensor | null {
  return requiresGrad(input) ? compute() : null;
}
