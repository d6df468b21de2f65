import { IndexError, mul, ShapeError, sigmoid, split, tidy, type Tensor } from '@nn/tensor';
import { asFloat, checkInteger, checkTensorArg, shapeText } from './checks.js';

/** Resolves `dim` of `glu` (negative counts from the end) for a tensor of rank `rank`. @internal */
export function gluDim(op: string, dim: unknown, rank: number): number {
  const d = checkInteger(op, 'dim', dim, -1);
  if (d < -rank || d >= rank) {
    throw new IndexError({ op, arg: 'dim', expected: `a dim in [${-rank}, ${rank - 1}]`, got: String(d) });
  }
  return d < 0 ? d + rank : d;
}

/**
 * The gated linear unit, as PyTorch's `glu`: splits `x` in two halves `a`, `b` along `dim` and
 * returns `a · sigmoid(b)`. Integer and bool inputs are computed in float32.
 *
 * `x: [*, 2·D, *] → [*, D, *]` (halved along `dim`)
 *
 * @param x - the input tensor, of even size along `dim`.
 * @param dim - the dim to split (default −1, the last; negative counts from the end).
 * @returns a float tensor with `dim` halved.
 * @throws `ShapeError` when `x` is 0-D or its size along `dim` is odd; `IndexError`
 *   when `dim` is out of range; `ArgumentError` when `x` is not a tensor or `dim` not an integer.
 * @example
 * ```ts
 * glu(tensor([[1, 2, 0, 0]])).toArray();  // [[0.5, 1]]
 * glu(tensor([[1], [0]]), 0).toArray();   // [[0.5]]
 * glu(tensor([1, 2, 3]));                 // throws ShapeError
 * ```
 * @category Activations
 */
export function glu(x: Tensor, dim = -1): Tensor {
  const op = 'glu';
  checkTensorArg(op, 'x', x);
  if (x.rank === 0) throw new ShapeError({ op, arg: 'x', expected: 'a tensor of rank ≥ 1', got: 'a 0-D tensor' });
  const d = gluDim(op, dim, x.rank);
  const size = x.shape[d]!;
  if (size % 2 !== 0) {
    throw new ShapeError({ op, arg: 'x', expected: `an even size along dim ${d}`, got: `shape ${shapeText(x.shape)}` });
  }
  return tidy(() => {
    const [a, b] = split(asFloat(x), size / 2, d) as [Tensor, Tensor];
    return mul(a, sigmoid(b));
  });
}
