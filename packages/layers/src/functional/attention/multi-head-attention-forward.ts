import { add, chunk, mean, permute, reshape, squeeze, tidy, unsqueeze, type Generator, type Tensor } from '@nn/tensor';
import { linear } from '../layers/linear.js';
import { additiveMask, attend, causalAdditiveMask } from './attend.js';
import { checkMultiHeadArgs } from './multi-head-checks.js';

/**
 * The parameters and options of `multiHeadAttentionForward` (PyTorch's
 * `F.multi_head_attention_forward`). Give either `inProjWeight` (packed, when key and value have
 * the query's feature size) or `qProjWeight`, `kProjWeight` and `vProjWeight`.
 * @category Attention
 */
export interface MultiHeadAttentionForwardOptions {
  /** Number of heads; must divide the embedding size E. */
  numHeads: number;
  /** Packed input projection `[3E, E]` (rows: query, key, value). */
  inProjWeight?: Tensor | null;
  /** Input projection bias `[3E]` (default none). */
  inProjBias?: Tensor | null;
  /** Separate query projection `[E, E]`. */
  qProjWeight?: Tensor | null;
  /** Separate key projection `[E, kdim]`. */
  kProjWeight?: Tensor | null;
  /** Separate value projection `[E, vdim]`. */
  vProjWeight?: Tensor | null;
  /** Output projection `[E, E]`. */
  outProjWeight: Tensor;
  /** Output projection bias `[E]` (default none). */
  outProjBias?: Tensor | null;
  /**
   * `[N, S]` (unbatched: `[S]`). **Bool: `true` = this key is padding, ignored** (PyTorch's
   * `key_padding_mask`). Float: added to the scores of every query for that key.
   */
  keyPaddingMask?: Tensor | null;
  /**
   * `[L, S]` or `[N·numHeads, L, S]` (unbatched: `[numHeads, L, S]`). **Bool: `true` = masked out,
   * not attended** (PyTorch 1.13's `attn_mask`; the opposite of `scaledDotProductAttention`).
   * Float: added to the scores.
   */
  attnMask?: Tensor | null;
  /** Return the attention weights (default `true`); `false` returns `null` in their place. */
  needWeights?: boolean;
  /** Average the returned weights over the heads (default `true`). */
  averageAttnWeights?: boolean;
  /** Add the causal mask (query `i` sees keys `j ≤ i`) to any other masks (default `false`). */
  isCausal?: boolean;
  /** Dropout probability on the attention weights, in [0, 1] (default 0). */
  dropoutP?: number;
  /** Whether dropout is active (default `true`, as PyTorch's functional form). */
  training?: boolean;
  /** Inputs are `[N, L, E]` instead of `[L, N, E]` (default `false`). */
  batchFirst?: boolean;
  /** The random stream of the dropout mask (default: the default generator). */
  generator?: Generator;
}

/**
 * Multi-head attention with explicit parameters: the math of `MultiheadAttention` (PyTorch's
 * `F.multi_head_attention_forward`). Projects the query, key and value, splits E into
 * `numHeads` heads of E/numHeads, attends per head with `softmax(q·kᵀ/√(E/numHeads) + masks)`,
 * concatenates the heads and applies the output projection.
 *
 * - batched: `query: [L, N, E]`, `key: [S, N, kdim]`, `value: [S, N, vdim]` → `output: [L, N, E]`
 *   (with `batchFirst`, `[N, L, E]`, `[N, S, kdim]`, `[N, S, vdim]` → `[N, L, E]`);
 *   `weights: [N, L, S]` averaged, or `[N, numHeads, L, S]`.
 * - unbatched: `[L, E]`, `[S, kdim]`, `[S, vdim]` → `[L, E]`; `weights: [L, S]` or `[numHeads, L, S]`.
 *
 * Masks are combined by adding their float forms (bool → 0 / −∞). A query whose keys are all
 * masked gets zero weights and the output bias alone (PyTorch 1.13 gives NaN there). The returned
 * weights are those used, after dropout, as PyTorch returns them.
 *
 * @param query - `[L, N, E]` (or `[N, L, E]`, or `[L, E]`), float32 or float64.
 * @param key - `[S, N, kdim]` (or `[N, S, kdim]`, or `[S, kdim]`).
 * @param value - `[S, N, vdim]` (or `[N, S, vdim]`, or `[S, vdim]`).
 * @param options - the parameters, masks and flags (see {@link MultiHeadAttentionForwardOptions}).
 * @returns `[output, weights]`, `weights` `null` when `needWeights` is `false`.
 * @throws `ShapeError` for inputs, parameters or masks of the wrong shape.
 * @throws `DTypeError` for non-float or mixed dtypes, or masks that are neither bool nor float.
 * @throws `ArgumentError` for a `numHeads` that does not divide E, missing or conflicting
 *   projection weights, or invalid options.
 * @example
 * ```ts
 * const e = 4;
 * // x: [L, N, E] = [3, 2, 4]
 * const x = ones([3, 2, e]);
 * const [out, w] = multiHeadAttentionForward(x, x, x, {
 *   numHeads: 2,
 *   inProjWeight: ones([3 * e, e]),
 *   outProjWeight: eye(e),
 * });
 * out.shape;      // [3, 2, 4]
 * w?.shape;       // [2, 3, 3]
 * w?.toArray()[0][0]; // ≈ [0.33333, 0.33333, 0.33333]
 * ```
 * @category Attention
 */
export function multiHeadAttentionForward(
  query: Tensor,
  key: Tensor,
  value: Tensor,
  options: MultiHeadAttentionForwardOptions,
): [Tensor, Tensor | null] {
  const a = checkMultiHeadArgs('multiHeadAttentionForward', query, key, value, options);
  const { numHeads: h, batched, batchFirst } = a;
  const hd = a.e / h;
  return tidy(() => {
    // Projections: one weight per role (the packed weight is cut into its three row blocks).
    const [wq, wk, wv] = a.packed !== null ? chunk(a.packed, 3, 0) : [a.wq!, a.wk!, a.wv!];
    const [bq, bk, bv] = a.inBias !== null ? chunk(a.inBias, 3, 0) : [null, null, null];
    const split = (x: Tensor): Tensor => {
      // [L, N, E] / [N, L, E] / [L, E] → [N, H, L, hd]
      if (!batched) return unsqueeze(permute(reshape(x, [x.shape[0]!, h, hd]), [1, 0, 2]), 0);
      const [d0, d1] = x.shape as [number, number];
      return permute(reshape(x, [d0, d1, h, hd]), batchFirst ? [0, 2, 1, 3] : [1, 2, 0, 3]);
    };
    const q = split(linear(query, wq!, bq));
    const k = split(linear(key, wk!, bk));
    const v = split(linear(value, wv!, bv));

    // Masks, as one additive float mask broadcast to the scores [N, H, L, S].
    let mask: Tensor | null = null;
    const plus = (m: Tensor): void => {
      mask = mask === null ? m : add(mask, m);
    };
    if (a.attnMask !== null) {
      const m = additiveMask(a.op, 'attnMask', a.attnMask, query.dtype, true);
      plus(m.rank === 3 ? reshape(m, [a.n, h, a.l, a.s]) : m);
    }
    if (a.keyPaddingMask !== null) {
      const m = additiveMask(a.op, 'keyPaddingMask', a.keyPaddingMask, query.dtype, true);
      plus(batched ? reshape(m, [a.n, 1, 1, a.s]) : m);
    }
    if (a.isCausal) plus(causalAdditiveMask(a.l, a.s, query.dtype));

    const { output, weights } = attend(q, k, v, {
      scale: 1 / Math.sqrt(hd),
      mask,
      dropoutP: a.training ? a.dropoutP : 0,
      generator: a.generator,
    });
    // [N, H, L, hd] → [L, N, E] / [N, L, E] / [L, E], then the output projection.
    const merged = !batched
      ? reshape(permute(squeeze(output, 0), [1, 0, 2]), [a.l, a.e])
      : reshape(
          permute(output, batchFirst ? [0, 2, 1, 3] : [2, 0, 1, 3]),
          batchFirst ? [a.n, a.l, a.e] : [a.l, a.n, a.e],
        );
    const out = linear(merged, a.outWeight, a.outBias);
    if (!a.needWeights) return [out, null];
    let w = a.averageAttnWeights ? mean(weights, 1) : weights;
    if (!batched) w = squeeze(w, 0);
    return [out, w];
  });
}
