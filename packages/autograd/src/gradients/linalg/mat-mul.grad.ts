import { matmul, reshape, transpose, type Tensor } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { gradFor } from '../grad-for.js';
import { unbroadcast } from '../unbroadcast.js';

/**
 * `C = op(a) · op(b)` with `op` the optional transpose of the last two dims (attrs `transposeA`,
 * `transposeB`): `dop(a) = dC · op(b)ᵀ` and `dop(b) = op(a)ᵀ · dC`. Every product is written
 * with `matmul`'s transpose options, so no operand is copied to transpose it, then summed back
 * over broadcast batch dims.
 *
 * Shapes: `a: [...batchA, M, K]` (or `[..., K, M]`), `b: [...batchB, K, N]` (or `[..., N, K]`),
 * `dC: [...batch, M, N]`.
 *
 * When `b` is an unbatched matrix shared by a batched `a` (a linear layer), its gradient is one
 * product over the flattened batch, `[K, B·M] · [B·M, N]`, instead of B products summed.
 */
export const matMulGrad: GradRule<'MatMul'> = (dy, { inputs: { a, b }, attrs: { transposeA, transposeB } }) => {
  const ga = gradFor(a, () =>
    transposeA
      ? matmul(b, dy, { transposeA: transposeB, transposeB: true }) // op(b)·dCᵀ = (dC·op(b)ᵀ)ᵀ
      : matmul(dy, b, { transposeB: !transposeB }), // dC·op(b)ᵀ
  );
  const gb = gradFor(b, () => gradB(dy, a, b, transposeA, transposeB));
  return { a: ga && unbroadcast(ga, a.shape), b: gb && unbroadcast(gb, b.shape) };
};

/** The gradient of `b` (before summing over broadcast batch dims). */
function gradB(dy: Tensor, a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor {
  if (b.rank === 2 && a.rank > 2) {
    const k = transposeA ? a.shape[a.rank - 2]! : a.shape[a.rank - 1]!;
    const rows = dy.shape.slice(0, -1).reduce((p, d) => p * d, 1); // B·M, explicit: -1 is ambiguous when empty
    const a2 = reshape(transposeA ? transpose(a, -2, -1) : a, [rows, k]); // [B·M, K]
    const dy2 = reshape(dy, [rows, dy.shape[dy.rank - 1]!]); // [B·M, N]
    return transposeB ? matmul(dy2, a2, { transposeA: true }) : matmul(a2, dy2, { transposeA: true });
  }
  return transposeB
    ? matmul(dy, a, { transposeA: true, transposeB: transposeA }) // dCᵀ·op(a) = (op(a)ᵀ·dC)ᵀ
    : matmul(a, dy, { transposeA: !transposeA }); // op(a)ᵀ·dC
}
