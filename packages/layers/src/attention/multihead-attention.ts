import { ArgumentError, zeros, type Generator, type Tensor, type Variable } from '@nn/tensor';
import {
  multiHeadAttentionForward,
  type MultiHeadAttentionForwardOptions,
} from '../functional/attention/multi-head-attention-forward.js';
import { checkMultiHeadArgs } from '../functional/attention/multi-head-checks.js';
import { constant, xavierUniform } from '../init/index.js';
import {
  checkBool,
  checkDim,
  checkInput,
  checkInt,
  checkNumber,
  checkOptions,
  layerOptions,
  parameter,
  show,
} from '../layers/checks.js';
import { Linear } from '../layers/linear.js';
import type { LayerOptions } from '../layers/options.js';
import { Module } from '../module/module.js';

/** Options of `MultiheadAttention`. @category Attention */
export interface MultiheadAttentionOptions extends LayerOptions {
  /** Dropout probability on the attention weights in training (default 0). */
  dropout?: number;
  /** Whether the input and output projections have biases (default `true`). */
  bias?: boolean;
  /** Inputs and output are `[N, L, E]` instead of `[L, N, E]` (default `false`). */
  batchFirst?: boolean;
  /** Feature size of the keys (default `embedDim`). */
  kdim?: number;
  /** Feature size of the values (default `embedDim`). */
  vdim?: number;
  /** Not supported (PyTorch's learned key/value bias rows): only `false` is accepted. */
  addBiasKV?: boolean;
  /** Not supported (PyTorch's extra all-zero key/value): only `false` is accepted. */
  addZeroAttn?: boolean;
}

/** Options of `MultiheadAttention.forward`. @category Attention */
export interface MultiheadAttentionForwardOptions {
  /**
   * `[N, S]` (unbatched `[S]`). **Bool: `true` = this key is padding and is ignored** (PyTorch's
   * `key_padding_mask`). Float: added to the scores of that key.
   */
  keyPaddingMask?: Tensor | null;
  /** Return the attention weights (default `true`); `false` gives `null` in their place. */
  needWeights?: boolean;
  /**
   * `[L, S]`, or `[N·numHeads, L, S]` (unbatched `[numHeads, L, S]`). **Bool: `true` = masked out**
   * (PyTorch 1.13's `attn_mask`; `scaledDotProductAttention` uses the opposite). Float: added.
   */
  attnMask?: Tensor | null;
  /** Average the returned weights over the heads (default `true`). */
  averageAttnWeights?: boolean;
  /**
   * Also apply the causal mask: query `i` sees keys `j ≤ i` (default `false`). Without `attnMask`
   * it is the whole mask; with one, both apply (PyTorch 2 treats `is_causal` as a hint that
   * `attn_mask` is causal, for which the two agree).
   */
  isCausal?: boolean;
}

/**
 * Multi-head attention, like `torch.nn.MultiheadAttention` (PyTorch 1.13): projects queries, keys
 * and values, attends in `numHeads` heads of `embedDim / numHeads` features, and projects the
 * concatenated heads back.
 *
 * `query: [L, N, E]`, `key: [S, N, kdim]`, `value: [S, N, vdim]` → `output: [L, N, E]`,
 * `weights: [N, L, S]` (per head: `[N, numHeads, L, S]`); with `batchFirst`, `[N, L, E]`, `[N, S, kdim]`,
 * `[N, S, vdim]` → `[N, L, E]`; unbatched `[L, E]`, `[S, kdim]`, `[S, vdim]` → `[L, E]`, `[L, S]`.
 *
 * Parameters (PyTorch's keys and order): `in_proj_weight: [3E, E]` when kdim = vdim = E, else
 * `q_proj_weight: [E, E]`, `k_proj_weight: [E, kdim]`, `v_proj_weight: [E, vdim]`; then
 * `in_proj_bias: [3E]`, `out_proj.weight: [E, E]`, `out_proj.bias: [E]`. Initialisation as
 * PyTorch: xavier-uniform input projections, zero biases, `outProj` a `Linear`'s default weight.
 *
 * Masks: bool `true` means *masked out* (PyTorch's convention for this module); float masks are
 * added to the scores. A query whose keys are all masked gets zero attention weights (and the
 * output bias) where PyTorch gives NaN. Dropout in training uses this layer's generator (PyTorch's
 * random stream differs).
 *
 * @param embedDim - E, the query feature size and the output size.
 * @param numHeads - number of heads; must divide `embedDim`.
 * @param options - `dropout` (0), `bias` (true), `batchFirst` (false), `kdim`, `vdim`, `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes, `numHeads` not dividing `embedDim`, a dropout
 *   outside [0, 1], `addBiasKV`/`addZeroAttn` set, or unknown options.
 * @example
 * ```ts
 * const mha = new MultiheadAttention(8, 2, { batchFirst: true });
 * // x: [N, L, E] = [3, 5, 8]
 * const x = randn([3, 5, 8]);
 * const [out, weights] = mha.call(x, x, x);
 * out.shape;                                  // [3, 5, 8]
 * weights?.shape;                             // [3, 5, 5]
 * Object.keys(mha.stateDict());               // ['in_proj_weight', 'in_proj_bias', 'out_proj.weight', 'out_proj.bias']
 * const padding = tensor([[false, false, false, true, true], [false, false, false, false, false], [false, true, false, false, false]]);
 * mha.call(x, x, x, { keyPaddingMask: padding, needWeights: false })[1]; // null
 * new MultiheadAttention(8, 3);               // throws ArgumentError
 * ```
 * @category Attention
 */
export class MultiheadAttention extends Module<
  [Tensor, Tensor, Tensor, MultiheadAttentionForwardOptions?],
  [Tensor, Tensor | null]
> {
  /** E: query feature size and output size. */
  readonly embedDim: number;
  /** Key feature size. */
  readonly kdim: number;
  /** Value feature size. */
  readonly vdim: number;
  /** Number of heads. */
  readonly numHeads: number;
  /** Dropout probability on the attention weights (training only). */
  readonly dropout: number;
  /** Whether inputs are `[N, L, E]`. */
  readonly batchFirst: boolean;
  /** `embedDim / numHeads`. */
  readonly headDim: number;
  /** `[3E, E]`, packed query/key/value projection; `null` when kdim or vdim ≠ E. */
  inProjWeight: Variable | null = null;
  /** `[E, E]` when kdim or vdim ≠ E, else `null`. */
  qProjWeight: Variable | null = null;
  /** `[E, kdim]` when kdim or vdim ≠ E, else `null`. */
  kProjWeight: Variable | null = null;
  /** `[E, vdim]` when kdim or vdim ≠ E, else `null`. */
  vProjWeight: Variable | null = null;
  /** `[3E]`, or `null` without bias. */
  inProjBias: Variable | null = null;
  /** The output projection `E → E`. */
  outProj: Linear;
  readonly #generator: Generator | undefined;

  constructor(embedDim: number, numHeads: number, options: MultiheadAttentionOptions = {}) {
    super();
    const op = 'new MultiheadAttention';
    this.embedDim = checkInt(op, 'embedDim', embedDim, 1);
    this.numHeads = checkInt(op, 'numHeads', numHeads, 1);
    if (embedDim % numHeads !== 0) {
      throw new ArgumentError({
        op,
        arg: 'numHeads',
        expected: `a divisor of embedDim (${embedDim})`,
        got: String(numHeads),
      });
    }
    const o = checkOptions(op, options, [
      'dropout',
      'bias',
      'batchFirst',
      'kdim',
      'vdim',
      'addBiasKV',
      'addZeroAttn',
      'dtype',
      'generator',
    ]);
    for (const flag of ['addBiasKV', 'addZeroAttn'] as const) {
      if (o[flag] !== undefined && o[flag] !== false) {
        throw new ArgumentError({ op, arg: flag, expected: 'false (not supported)', got: show(o[flag]) });
      }
    }
    this.dropout = checkNumber(op, 'dropout', o.dropout, 0, 0, 1);
    const bias = checkBool(op, 'bias', o.bias, true);
    this.batchFirst = checkBool(op, 'batchFirst', o.batchFirst, false);
    this.kdim = o.kdim === undefined || o.kdim === null ? embedDim : checkInt(op, 'kdim', o.kdim, 1);
    this.vdim = o.vdim === undefined || o.vdim === null ? embedDim : checkInt(op, 'vdim', o.vdim, 1);
    this.headDim = embedDim / numHeads;
    const { dtype, generator } = layerOptions(op, o);
    this.#generator = generator;
    const e = embedDim;
    const packed = this.kdim === e && this.vdim === e;
    // PyTorch's order of draws: the output projection (a Linear) first, then the input projections.
    if (packed) this.inProjWeight = parameter(zeros([3 * e, e], { dtype }), 'in_proj_weight');
    else {
      this.qProjWeight = parameter(zeros([e, e], { dtype }), 'q_proj_weight');
      this.kProjWeight = parameter(zeros([e, this.kdim], { dtype }), 'k_proj_weight');
      this.vProjWeight = parameter(zeros([e, this.vdim], { dtype }), 'v_proj_weight');
    }
    if (bias) this.inProjBias = parameter(zeros([3 * e], { dtype }), 'in_proj_bias');
    this.outProj = new Linear(e, e, { bias, dtype, generator });
    for (const w of [this.inProjWeight, this.qProjWeight, this.kProjWeight, this.vProjWeight]) {
      if (w !== null) xavierUniform(w, { generator });
    }
    if (this.outProj.bias !== null) constant(this.outProj.bias, 0);
  }

  /**
   * Attends from `query` to `key`/`value` (pass the same tensor three times for self-attention).
   * @param query - `[L, N, E]` (`batchFirst`: `[N, L, E]`; unbatched `[L, E]`), the parameters' dtype.
   * @param key - `[S, N, kdim]` (`[N, S, kdim]`; `[S, kdim]`).
   * @param value - `[S, N, vdim]` (`[N, S, vdim]`; `[S, vdim]`).
   * @param options - `keyPaddingMask`, `needWeights` (true), `attnMask`, `averageAttnWeights` (true), `isCausal` (false).
   * @returns `[output, weights]`: output like `query` with E features; weights `[N, L, S]`
   *   (`averageAttnWeights: false`: `[N, numHeads, L, S]`; unbatched without the N), or `null`.
   * @throws `ShapeError` for inputs or masks of the wrong shape (feature sizes must be E, kdim, vdim).
   * @throws `DTypeError` when an input's dtype is not the parameters', or a mask is neither bool nor float.
   */
  forward(
    query: Tensor,
    key: Tensor,
    value: Tensor,
    options: MultiheadAttentionForwardOptions = {},
  ): [Tensor, Tensor | null] {
    const op = 'MultiheadAttention.forward';
    const o = checkOptions(op, options, [
      'keyPaddingMask',
      'needWeights',
      'attnMask',
      'averageAttnWeights',
      'isCausal',
    ]);
    const dtype = this.outProj.weight.dtype;
    checkLayerInput(op, 'query', query, this.embedDim, dtype);
    checkLayerInput(op, 'key', key, this.kdim, dtype);
    checkLayerInput(op, 'value', value, this.vdim, dtype);
    const args: MultiHeadAttentionForwardOptions = {
      numHeads: this.numHeads,
      inProjWeight: this.inProjWeight?.value ?? null,
      qProjWeight: this.qProjWeight?.value ?? null,
      kProjWeight: this.kProjWeight?.value ?? null,
      vProjWeight: this.vProjWeight?.value ?? null,
      inProjBias: this.inProjBias?.value ?? null,
      outProjWeight: this.outProj.weight.value,
      outProjBias: this.outProj.bias?.value ?? null,
      keyPaddingMask: o.keyPaddingMask ?? null,
      attnMask: o.attnMask ?? null,
      needWeights: o.needWeights ?? true,
      averageAttnWeights: o.averageAttnWeights ?? true,
      isCausal: o.isCausal ?? false,
      dropoutP: this.dropout,
      training: this.training,
      batchFirst: this.batchFirst,
      generator: this.#generator,
    };
    checkMultiHeadArgs(op, query, key, value, args); // errors name this method, not the functional form
    return multiHeadAttentionForward(query, key, value, args);
  }
}

/** The feature-size and dtype check of one input, with the module's op name. */
function checkLayerInput(op: string, arg: string, x: unknown, features: number, dtype: string): void {
  const t = checkInput(op, x, [2, 3], '[L, N, E], [N, L, E] or unbatched [L, E]', dtype, arg);
  checkDim(
    op,
    t,
    -1,
    features,
    arg === 'query' ? 'the last dim (embedDim)' : `the last dim (${arg === 'key' ? 'kdim' : 'vdim'})`,
    arg,
  );
}
