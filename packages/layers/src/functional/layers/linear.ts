import { add, matmul, ShapeError, tidy, type Tensor } from '@nn/tensor';
import { checkFloat, checkTensorArg, shapeText } from '../../layers/checks.js';

/**
 * The affine map of a dense layer, `y = x·Wᵀ + b` (PyTorch's `F.linear`).
 *
 * `x: [*, in]`, `weight: [out, in]`, `bias: [out]` → `[*, out]` (any number of leading dims,
 * including none: a 1-D `x: [in]` gives `[out]`).
 *
 * @param x - the input, float32 or float64.
 * @param weight - the weight matrix `[out, in]`.
 * @param bias - an optional bias `[out]` (`null` or omitted for none).
 * @throws `ShapeError` when `x` is 0-D, `weight` is not 2-D, `x.shape[-1] ≠ in`, or `bias` is not `[out]`.
 * @throws `DTypeError` for non-float tensors.
 * @example
 * ```ts
 * const x = tensor([[1, 2]]);
 * const w = tensor([[1, 0], [0, 1], [1, 1]]);
 * linear(x, w, tensor([0, 0, 10])).toArray(); // [[1, 2, 13]]
 * linear(ones([4, 5, 2]), w).shape;           // [4, 5, 3]
 * linear(ones([3]), ones([2, 3])).toArray(); // [3, 3]
 * ```
 * @category Functional
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  const op = 'linear';
  checkTensorArg(op, 'x', x);
  checkTensorArg(op, 'weight', weight);
  const b = bias ?? null;
  if (b !== null) checkTensorArg(op, 'bias', b);
  checkFloat(op, 'x', x);
  checkFloat(op, 'weight', weight);
  if (b !== null) checkFloat(op, 'bias', b);
  if (weight.rank !== 2) {
    throw new ShapeError({ op, arg: 'weight', expected: 'a 2-D tensor [out, in]', got: `shape ${shapeText(weight.shape)}` });
  }
  const [out, inFeatures] = weight.shape as [number, number];
  if (x.rank === 0 || x.shape[x.rank - 1] !== inFeatures) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: `a tensor [*, ${inFeatures}] (last dim = weight.shape[1])`,
      got: `shape ${shapeText(x.shape)}`,
    });
  }
  if (b !== null && (b.rank !== 1 || b.shape[0] !== out)) {
    throw new ShapeError({ op, arg: 'bias', expected: `shape [${out}]`, got: shapeText(b.shape) });
  }
  return tidy(() => {
    const y = matmul(x, weight, { transposeB: true });
    return b === null ? y : add(y, b);
  });
}
