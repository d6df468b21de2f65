import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ArgumentError, DTypeError, ShapeError } from '../../errors.js';
import { broadcastShapes, formatShape, shapesEqual } from '../../shape.js';
import { Tensor } from '../../tensor.js';
import { castTo, checkTensor, describe, scalarTensor, type TensorLike } from '../operands.js';

/**
 * `value` where `mask` is true, `x` elsewhere (PyTorch `masked_fill`); the result keeps `x`'s
 * shape and dtype, and `value` is converted to that dtype.
 *
 * `x: [A, B]`, `mask: broadcastable to [A, B]` `→ [A, B]`
 *
 * @param x - the tensor.
 * @param mask - a bool tensor that broadcasts to `x`'s shape.
 * @param value - a number, boolean, or 0-d tensor.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for a non-bool mask; {@link "@nn/tensor".index.ShapeError | ShapeError} when the mask does not
 *   broadcast to `x` or `value` is a tensor that is not 0-d; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for another
 *   kind of value.
 * @example
 * ```ts
 * const x = tensor([[1, 2], [3, 4]]);
 * maskedFill(x, tensor([true, false]), 0).toArray(); // [[0, 2], [0, 4]]
 * ```
 * @category Indexing
 */
export function maskedFill(x: Tensor, mask: Tensor, value: TensorLike): Tensor {
  checkTensor('maskedFill', 'x', x);
  checkTensor('maskedFill', 'mask', mask);
  if (mask.dtype !== 'bool') {
    throw new DTypeError({ op: 'maskedFill', arg: 'mask', expected: 'a bool mask', got: `dtype ${mask.dtype}` });
  }
  const notBroadcastable = (): ShapeError =>
    new ShapeError({
      op: 'maskedFill',
      arg: 'mask',
      expected: `a shape that broadcasts to ${formatShape(x.shape)}`,
      got: formatShape(mask.shape),
    });
  let outShape: number[];
  try {
    outShape = broadcastShapes('maskedFill', mask.shape, x.shape);
  } catch {
    throw notBroadcastable();
  }
  if (!shapesEqual(outShape, x.shape)) throw notBroadcastable();
  if (value instanceof Tensor) {
    checkTensor('maskedFill', 'value', value);
    if (value.rank !== 0) {
      throw new ShapeError({
        op: 'maskedFill',
        arg: 'value',
        expected: 'a 0-d tensor',
        got: `shape ${formatShape(value.shape)}`,
      });
    }
  } else if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ArgumentError({
      op: 'maskedFill',
      arg: 'value',
      expected: 'a number, boolean or 0-d tensor',
      got: describe(value),
    });
  }
  return tidy(() => {
    const fill = x.dtype === 'bool' && typeof value === 'number' ? value !== 0 : value;
    const v = fill instanceof Tensor ? castTo(fill, x.dtype) : scalarTensor(fill, x.dtype);
    return runKernel('Where', { condition: mask, a: v, b: x }, {});
  });
}
