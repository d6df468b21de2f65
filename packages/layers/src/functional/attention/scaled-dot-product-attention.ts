import { ArgumentError, broadcastShapes, DTypeError, Generator, ShapeError, tidy, type Tensor } from '@nn/tensor';
import {
  checkBool,
  checkFloat,
  checkNumber,
  checkOptions,
  checkTensorArg,
  shapeText,
  show,
} from '../../layers/checks.js';
import { additiveMask, attend, causalAdditiveMask, checkMaskShape } from './attend.js';

/** Options of `scaledDotProductAttention`. @category Attention */
export interface ScaledDotProductAttentionOptions {
  /**
   * A mask broadcastable to the scores `[*, L, S]`. **Bool: `true` = the key takes part** (PyTorch
   * 2's `scaled_dot_product_attention` convention; the opposite of `MultiheadAttention`'s bool
   * masks, where `true` = masked out). Float: added to the scores (use −∞ to exclude a key).
   */
  attnMask?: Tensor | null;
  /** Query `i` attends only to keys `j ≤ i` (default `false`). Cannot be combined with `attnMask`. */
  isCausal?: boolean;
  /** Dropout probability on the attention weights, in [0, 1] (default 0). Applied whenever > 0. */
  dropoutP?: number;
  /** Multiplies the scores (default `1 / √E`). */
  scale?: number;
  /** The random stream of the dropout mask (default: the default generator). */
  generator?: Generator;
}

/**
 * Scaled dot-product attention (PyTorch 2's `F.scaled_dot_product_attention`):
 * `softmax(q·kᵀ·scale + mask)·v`, with `scale = 1/√E` by default.
 *
 * `q: [*, L, E]`, `k: [*, S, E]`, `v: [*, S, Ev]` → `[*, L, Ev]` (the leading dims broadcast; e.g.
 * `[N, heads, L, E]`).
 *
 * A query whose keys are all masked out gets zero weights and a zero output (with zero gradients)
 * where a plain softmax (PyTorch 1.13's attention) gives NaN: a NaN row would poison every
 * gradient of the batch, zeros keep padded batches trainable. Dropout (PyTorch's random stream differs) is applied to the weights whenever
 * `dropoutP > 0`: pass `dropoutP: training ? p : 0`.
 *
 * @param q - queries `[*, L, E]`, float32 or float64.
 * @param k - keys `[*, S, E]`, same dtype.
 * @param v - values `[*, S, Ev]`, same dtype.
 * @param options - `attnMask` (bool: true = take part; float: added), `isCausal`, `dropoutP`, `scale`, `generator`.
 * @returns the attended values `[*, L, Ev]`.
 * @throws `ShapeError` for rank < 2, mismatched feature or sequence dims, batch dims that do
 *   not broadcast, or a mask that does not broadcast to `[*, L, S]`.
 * @throws `DTypeError` for non-float or mixed dtypes, or a mask that is neither bool nor float.
 * @throws `ArgumentError` for `isCausal` with `attnMask`, `dropoutP` outside [0, 1], or a non-finite `scale`.
 * @example
 * ```ts
 * // q: [1, 2, 2], k: [1, 3, 2], v: [1, 3, 1]
 * const q = tensor([[[1, 0], [0, 1]]]);
 * const k = tensor([[[1, 0], [0, 1], [1, 1]]]);
 * const v = tensor([[[1], [2], [3]]]);
 * scaledDotProductAttention(q, k, v).shape;      // [1, 2, 1]
 * // Each query may see key 0 only: the output is v[0].
 * const onlyFirst = tensor([[true, false, false], [true, false, false]]);
 * scaledDotProductAttention(q, k, v, { attnMask: onlyFirst }).toArray(); // [[[1], [1]]]
 * // Causal: query 0 sees key 0 only.
 * scaledDotProductAttention(q, k, v, { isCausal: true }).toArray()[0][0]; // [1]
 * scaledDotProductAttention(q, ones([1, 3, 5]), v); // throws ShapeError
 * ```
 * @category Attention
 */
export function scaledDotProductAttention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options: ScaledDotProductAttentionOptions = {},
): Tensor {
  const op = 'scaledDotProductAttention';
  for (const [arg, t] of [
    ['q', q],
    ['k', k],
    ['v', v],
  ] as const) {
    checkTensorArg(op, arg, t);
    checkFloat(op, arg, t);
    if (t.rank < 2)
      throw new ShapeError({
        op,
        arg,
        expected: 'a tensor of at least 2 dims [*, seq, features]',
        got: `shape ${shapeText(t.shape)}`,
      });
  }
  if (k.dtype !== q.dtype || v.dtype !== q.dtype) {
    throw new DTypeError({
      op,
      arg: 'k, v',
      expected: `the dtype of q (${q.dtype})`,
      got: `k ${k.dtype}, v ${v.dtype}`,
    });
  }
  const o = checkOptions(op, options, ['attnMask', 'isCausal', 'dropoutP', 'scale', 'generator']);
  const e = q.shape[q.rank - 1]!;
  const l = q.shape[q.rank - 2]!;
  const s = k.shape[k.rank - 2]!;
  if (k.shape[k.rank - 1] !== e) {
    throw new ShapeError({
      op,
      arg: 'k',
      expected: `[*, S, ${e}] (the feature size of q)`,
      got: `shape ${shapeText(k.shape)}`,
    });
  }
  if (v.shape[v.rank - 2] !== s) {
    throw new ShapeError({
      op,
      arg: 'v',
      expected: `[*, ${s}, Ev] (as many rows as k)`,
      got: `shape ${shapeText(v.shape)}`,
    });
  }
  let batch: number[];
  try {
    batch = broadcastShapes(op, q.shape.slice(0, -2), k.shape.slice(0, -2), v.shape.slice(0, -2));
  } catch {
    throw new ShapeError({
      op,
      arg: 'q, k, v',
      expected: 'leading (batch) dims that broadcast',
      got: `${shapeText(q.shape)}, ${shapeText(k.shape)}, ${shapeText(v.shape)}`,
    });
  }
  const isCausal = checkBool(op, 'isCausal', o.isCausal, false);
  const dropoutP = checkNumber(op, 'dropoutP', o.dropoutP, 0, 0, 1);
  const scale = checkNumber(op, 'scale', o.scale, 1 / Math.sqrt(e));
  if (o.generator !== undefined && !(o.generator instanceof Generator)) {
    throw new ArgumentError({ op, arg: 'generator', expected: 'a Generator', got: show(o.generator) });
  }
  const attnMask = o.attnMask ?? null;
  if (attnMask !== null) checkMaskShape(op, 'attnMask', attnMask, [...batch, l, s], '(the scores [*, L, S])');
  if (attnMask !== null && isCausal) {
    throw new ArgumentError({
      op,
      arg: 'isCausal',
      expected: 'either attnMask or isCausal, as PyTorch',
      got: 'both',
      hint: 'Combine them yourself: a float mask plus generateSquareSubsequentMask(L).',
    });
  }
  return tidy(() => {
    let mask: Tensor | null = null;
    if (attnMask !== null) mask = additiveMask(op, 'attnMask', attnMask, q.dtype, false);
    if (isCausal) mask = causalAdditiveMask(l, s, q.dtype);
    return attend(q, k, v, { scale, mask, dropoutP, generator: o.generator }).output;
  });
}
