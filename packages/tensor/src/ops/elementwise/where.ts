import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { DTypeError } from '../../errors.js';
import { broadcastShapes } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor, commonOperands, type TensorLike } from '../operands.js';

/**
 * Picks from `a` where `condition` is true and from `b` elsewhere, elementwise; all three
 * broadcast together.
 *
 * `condition: [...C], a: [...A], b: [...B] → broadcast(C, A, B)`.
 *
 * @param condition - a bool tensor (compare first, e.g. `gt(x, 0)`).
 * @param a - values where true: a tensor, number or boolean.
 * @param b - values where false: a tensor, number or boolean.
 * @returns a tensor in the promoted dtype of `a` and `b`.
 * @throws `DTypeError` when `condition` is not bool; `ShapeError` when the shapes don't broadcast;
 *   `ArgumentError` when an argument has the wrong kind.
 * @example
 * ```ts
 * where(tensor([true, false]), tensor([1, 2]), 0).toArray(); // [1, 0]
 * where(tensor([[true], [false]]), 1, tensor([5, 6])).toArray(); // [[1, 1], [5, 6]]
 * ```
 * @category Elementwise
 */
export function where(condition: Tensor, a: TensorLike, b: TensorLike): Tensor {
  checkTensor('where', 'condition', condition);
  if (condition.dtype !== 'bool') {
    throw new DTypeError({
      op: 'where',
      arg: 'condition',
      expected: 'a bool tensor',
      got: `a ${condition.dtype} tensor`,
      hint: 'Compare first (e.g. gt(x, 0)) or cast(condition, "bool")',
    });
  }
  return tidy(() => {
    const [ta, tb] = commonOperands('where', a, b);
    broadcastShapes('where', condition.shape, ta.shape, tb.shape);
    return runKernel('Where', { condition, a: ta, b: tb }, {});
  });
}
