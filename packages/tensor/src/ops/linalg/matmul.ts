import { promoteTypes } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ArgumentError, DTypeError, ShapeError } from '../../errors.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import { reshapeTo } from './conv-options.js';

/**
 * Matrix product with NumPy/PyTorch semantics.
 *
 * - 2-D × 2-D: `a: [M, K] @ b: [K, N] → [M, N]`.
 * - 1-D operands: a vector `a: [K]` is treated as `[1, K]` and `b: [K]` as `[K, 1]`, and that dim is
 *   removed from the result (`[K] @ [K] → []`, `[M, K] @ [K] → [M]`, `[K] @ [K, N] → [N]`).
 * - N-D: `a: [...batchA, M, K] @ b: [...batchB, K, N] → [...broadcast(batchA, batchB), M, N]`.
 *
 * Dtypes promote (`int32 < float32 < float64`). Float products accumulate in double and round once;
 * int32 products wrap around on overflow, like PyTorch. `bool` operands are rejected.
 *
 * @param a - left operand, at least 1-D.
 * @param b - right operand, at least 1-D.
 * @param options - `transposeA` / `transposeB` (default false) multiply by the transpose of the last
 *   two dims of `a` / `b` without copying it (as TF.js's `matMul`): `matmul(a, b, { transposeB: true })`
 *   equals `matmul(a, transpose(b, -2, -1))`. Backward passes use them. Both need operands of at
 *   least 2 dims.
 * @returns the product, in the promoted dtype.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when an operand is 0-D, when `a.shape[-1] ≠ b.shape[-2]`, or when the batch dims do not broadcast.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for `bool` operands.
 * @example
 * ```ts
 * matmul(tensor([[1, 2], [3, 4]]), tensor([[5], [6]])).toArray(); // [[17], [39]]
 * matmul(tensor([1, 2]), tensor([[1, 0], [0, 1]])).toArray();      // [1, 2]
 * matmul(ones([5, 2, 3]), ones([3, 4])).shape;                     // [5, 2, 4]
 * matmul(ones([2, 3]), ones([4, 3]), { transposeB: true }).shape;  // [2, 4]
 * ```
 * @category Linear algebra
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  checkTensor('matmul', 'a', a);
  checkTensor('matmul', 'b', b);
  const transposeA = options.transposeA ?? false;
  const transposeB = options.transposeB ?? false;
  for (const [arg, t] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (t.dtype === 'bool')
      throw new DTypeError({ op: 'matmul', arg, expected: 'a float32, float64 or int32 tensor', got: 'bool' });
    if (t.rank === 0)
      throw new ShapeError({ op: 'matmul', arg, expected: 'a tensor of at least 1 dimension', got: 'a 0-D tensor' });
  }
  for (const [arg, flag, t] of [
    ['transposeA', transposeA, a],
    ['transposeB', transposeB, b],
  ] as const) {
    if (typeof flag !== 'boolean') throw new ArgumentError({ op: 'matmul', arg, expected: 'a boolean', got: String(flag) });
    if (flag && t.rank < 2) {
      throw new ArgumentError({ op: 'matmul', arg, expected: 'an operand of at least 2 dimensions to transpose', got: `shape ${formatShape(t.shape)}` });
    }
  }
  // Physical shapes (as stored) and logical shapes (as multiplied, after the optional transposes).
  const aPhysical = a.rank === 1 ? [1, a.shape[0]!] : [...a.shape];
  const bPhysical = b.rank === 1 ? [b.shape[0]!, 1] : [...b.shape];
  const aShape = transposeA ? swapLast(aPhysical) : aPhysical;
  const bShape = transposeB ? swapLast(bPhysical) : bPhysical;
  const k = aShape[aShape.length - 1]!;
  if (k !== bShape[bShape.length - 2]) {
    throw new ShapeError({
      op: 'matmul',
      arg: 'a, b',
      expected: 'a.shape[-1] = b.shape[-2] (the inner dimensions agree)',
      got: `a ${formatShape(a.shape)} and b ${formatShape(b.shape)} (${k} ≠ ${bShape[bShape.length - 2]})`,
    });
  }
  const batchA = aShape.slice(0, -2);
  const batchB = bShape.slice(0, -2);
  const rank = Math.max(batchA.length, batchB.length);
  const batch: number[] = [];
  for (let d = 0; d < rank; d++) {
    const da = batchA[d - rank + batchA.length] ?? 1;
    const db = batchB[d - rank + batchB.length] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError({
        op: 'matmul',
        arg: 'a, b',
        expected: 'batch dimensions that broadcast (each equal, or 1)',
        got: `a ${formatShape(a.shape)} and b ${formatShape(b.shape)}`,
      });
    }
    batch.push(da === 1 ? db : da);
  }
  const dtype = promoteTypes(a.dtype, b.dtype);
  const shape = [...batch];
  if (a.rank > 1) shape.push(aShape[aShape.length - 2]!);
  if (b.rank > 1) shape.push(bShape[bShape.length - 1]!);
  return tidy(() => {
    const ta = castTo(reshapeTo(a, aPhysical), dtype);
    const tb = castTo(reshapeTo(b, bPhysical), dtype);
    return reshapeTo(runKernel('MatMul', { a: ta, b: tb }, { transposeA, transposeB }), shape);
  });
}

/** Options of `matmul`. @category Linear algebra */
export interface MatmulOptions {
  /** Multiply by the transpose of `a`'s last two dims. */
  transposeA?: boolean;
  /** Multiply by the transpose of `b`'s last two dims. */
  transposeB?: boolean;
}

function swapLast(shape: number[]): number[] {
  const out = [...shape];
  const n = out.length;
  [out[n - 2], out[n - 1]] = [out[n - 1]!, out[n - 2]!];
  return out;
}
