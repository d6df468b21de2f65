import { add, matmul, mul, permute, reshape, ShapeError, sum, tidy, unsqueeze, type Tensor } from '@nn/tensor';
import { checkFloat, checkTensorArg, shapeText } from '../../layers/checks.js';

/**
 * The bilinear map `y[…, o] = Σᵢⱼ x1[…, i]·W[o, i, j]·x2[…, j] + b[o]` (PyTorch's `F.bilinear`).
 *
 * `x1: [*, in1]`, `x2: [*, in2]` (the same leading dims), `weight: [out, in1, in2]`, `bias: [out]`
 * → `[*, out]`.
 *
 * @param x1 - the first input, float32 or float64.
 * @param x2 - the second input, with the leading dims of `x1`.
 * @param weight - `[out, in1, in2]`.
 * @param bias - an optional bias `[out]`.
 * @throws `ShapeError` when `weight` is not 3-D, the last dims of `x1`/`x2` are not `in1`/`in2`,
 *   their leading dims differ, or `bias` is not `[out]`.
 * @throws `DTypeError` for non-float tensors.
 * @example
 * ```ts
 * const w = tensor([[[1, 0], [0, 1]]]); // out = 1: the dot product
 * bilinear(tensor([[1, 2]]), tensor([[3, 4]]), w).toArray();            // [[11]]
 * bilinear(tensor([[1, 2]]), tensor([[3, 4]]), w, tensor([1])).toArray(); // [[12]]
 * bilinear(ones([5, 3]), ones([5, 4]), ones([2, 3, 4])).shape;           // [5, 2]
 * ```
 * @category Functional
 */
export function bilinear(x1: Tensor, x2: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  const op = 'bilinear';
  const b = bias ?? null;
  for (const [arg, t] of [['x1', x1], ['x2', x2], ['weight', weight], ['bias', b]] as const) {
    if (t === null) continue;
    checkTensorArg(op, arg, t);
    checkFloat(op, arg, t);
  }
  if (weight.rank !== 3) {
    throw new ShapeError({ op, arg: 'weight', expected: 'a 3-D tensor [out, in1, in2]', got: `shape ${shapeText(weight.shape)}` });
  }
  const [out, in1, in2] = weight.shape as [number, number, number];
  for (const [arg, t, n] of [['x1', x1, in1], ['x2', x2, in2]] as const) {
    if (t.rank === 0 || t.shape[t.rank - 1] !== n) {
      throw new ShapeError({ op, arg, expected: `a tensor [*, ${n}] (last dim = weight.shape[${arg === 'x1' ? 1 : 2}])`, got: `shape ${shapeText(t.shape)}` });
    }
  }
  const lead = x1.shape.slice(0, -1);
  if (x2.rank !== x1.rank || x2.shape.slice(0, -1).some((d, i) => d !== lead[i])) {
    throw new ShapeError({
      op,
      arg: 'x2',
      expected: `the leading dims of x1 ${shapeText(lead)}`,
      got: `shape ${shapeText(x2.shape)}`,
    });
  }
  if (b !== null && (b.rank !== 1 || b.shape[0] !== out)) {
    throw new ShapeError({ op, arg: 'bias', expected: `shape [${out}]`, got: shapeText(b.shape) });
  }
  return tidy(() => {
    // x1·W as one matmul: W → [in1, out·in2], then pair each [out, in2] row block with x2.
    const w = reshape(permute(weight, [1, 0, 2]), [in1, out * in2]);
    const t = reshape(matmul(x1, w), [...lead, out, in2]);
    const y = sum(mul(t, unsqueeze(x2, -2)), -1);
    return b === null ? y : add(y, b);
  });
}
