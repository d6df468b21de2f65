import { runKernel } from '../../engine/engine.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';

/**
 * A copy of `x` in storage of its own, bit for bit (NaN payloads and −0 included), like
 * `torch.clone`. Gradients flow through it.
 *
 * `x: [...S] → [...S]`
 *
 * @param x - the tensor to copy.
 * @example
 * ```ts
 * const x = tensor([1, -0, NaN]);
 * const y = clone(x);
 * y === x;      // false
 * y.toArray();  // [1, -0, NaN]
 * ```
 * @category Movement
 */
export function clone(x: Tensor): Tensor {
  checkTensor('clone', 'x', x);
  return runKernel('Reshape', { x }, { shape: x.shape });
}
