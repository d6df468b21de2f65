import { add, ArgumentError, defaultGenerator, gelu, relu, tidy, type Generator, type Tensor } from '@nn/tensor';
import {
  checkBool,
  checkDim,
  checkInput,
  checkInt,
  checkNumber,
  checkOptions,
  layerOptions,
  show,
} from '../layers/checks.js';
import { Dropout } from '../layers/dropout.js';
import { LayerNorm } from '../layers/layer-norm.js';
import { Linear } from '../layers/linear.js';
import type { LayerOptions } from '../layers/options.js';
import { checkAttentionMasks } from '../functional/attention/multi-head-checks.js';
import { Module } from '../module/module.js';
import { MultiheadAttention } from './multihead-attention.js';

/** The feed-forward activation of an encoder layer: `'relu'`, `'gelu'` (exact, erf) or a function. @category Attention */
export type TransformerActivation = 'relu' | 'gelu' | ((x: Tensor) => Tensor);

/** Options of `TransformerEncoderLayer`. @category Attention */
export interface TransformerEncoderLayerOptions extends LayerOptions {
  /** Hidden size of the feed-forward block (default 2048). */
  dimFeedforward?: number;
  /** Dropout probability of the attention weights and the three dropout layers (default 0.1). */
  dropout?: number;
  /** Feed-forward activation (default `'relu'`). */
  activation?: TransformerActivation;
  /** `eps` of both layer norms (default 1e-5). */
  layerNormEps?: number;
  /** Inputs are `[N, L, E]` instead of `[L, N, E]` (default `false`). */
  batchFirst?: boolean;
  /** Pre-norm: normalise before attention and feed-forward instead of after (default `false`). */
  normFirst?: boolean;
  /** Biases in the linear layers, the attention and the layer norms (default `true`; PyTorch ≥ 2.1's option). */
  bias?: boolean;
}

/** Options of `TransformerEncoderLayer.forward`. @category Attention */
export interface TransformerEncoderLayerForwardOptions {
  /** Attention mask `[L, L]` or `[N·nhead, L, L]`: bool `true` = masked out, float = added (as `MultiheadAttention`'s `attnMask`). */
  srcMask?: Tensor | null;
  /** `[N, L]` (unbatched `[L]`): bool `true` = padding, ignored as a key; float = added. */
  srcKeyPaddingMask?: Tensor | null;
  /** Apply the causal mask (position `i` attends to `j ≤ i`), alone or on top of `srcMask` (default `false`). */
  isCausal?: boolean;
}

const OPTION_KEYS = [
  'dimFeedforward',
  'dropout',
  'activation',
  'layerNormEps',
  'batchFirst',
  'normFirst',
  'bias',
  'dtype',
  'generator',
];

/**
 * One Transformer encoder block, like `torch.nn.TransformerEncoderLayer`: self-attention and a
 * feed-forward network (`linear2(dropout(activation(linear1(x))))`), each with a residual
 * connection and a layer norm.
 *
 * - post-norm (default): `x = norm1(x + sa(x))`, then `x = norm2(x + ff(x))`.
 * - pre-norm (`normFirst`): `x = x + sa(norm1(x))`, then `x = x + ff(norm2(x))`.
 *
 * `src: [L, N, dModel]` (`batchFirst`: `[N, L, dModel]`; unbatched `[L, dModel]`) → the same shape.
 *
 * Sub-modules (PyTorch's names, so state-dict keys match): `self_attn` (a `MultiheadAttention`),
 * `linear1`, `dropout`, `linear2`, `norm1`, `norm2`, `dropout1`, `dropout2`, as the properties
 * `selfAttn`, `linear1`, `dropout`, `linear2`, `norm1`, `norm2`, `dropout1`, `dropout2`. Each is
 * initialised as PyTorch does for it. Dropout uses `generator` (PyTorch's random stream differs).
 *
 * @param dModel - the embedding size E.
 * @param nhead - number of attention heads; must divide `dModel`.
 * @param options - `dimFeedforward` (2048), `dropout` (0.1), `activation` ('relu'), `layerNormEps`
 *   (1e-5), `batchFirst` (false), `normFirst` (false), `bias` (true), `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options (an unknown activation name, `nhead` not dividing `dModel`).
 * @example
 * ```ts
 * const layer = new TransformerEncoderLayer(16, 4, { dimFeedforward: 32, batchFirst: true });
 * // x: [N, L, E] = [2, 7, 16]
 * const x = randn([2, 7, 16]);
 * layer.call(x).shape;                                 // [2, 7, 16]
 * layer.eval().call(x, { isCausal: true }).shape;      // [2, 7, 16]
 * Object.keys(layer.stateDict()).slice(0, 4);          // ['self_attn.in_proj_weight', 'self_attn.in_proj_bias', 'self_attn.out_proj.weight', 'self_attn.out_proj.bias']
 * new TransformerEncoderLayer(16, 4, { activation: 'tanh' as 'relu' }); // throws ArgumentError
 * ```
 * @category Attention
 */
export class TransformerEncoderLayer extends Module<[Tensor, TransformerEncoderLayerForwardOptions?], Tensor> {
  /** The embedding size E. */
  readonly dModel: number;
  /** Number of attention heads. */
  readonly nhead: number;
  /** Hidden size of the feed-forward block. */
  readonly dimFeedforward: number;
  /** Whether the layer norms come first (pre-norm). */
  readonly normFirst: boolean;
  /** Whether inputs are `[N, L, E]`. */
  readonly batchFirst: boolean;
  /** Self-attention (`self_attn`). */
  selfAttn: MultiheadAttention;
  /** `dModel → dimFeedforward`. */
  linear1: Linear;
  /** Dropout after the activation. */
  dropout: Dropout;
  /** `dimFeedforward → dModel`. */
  linear2: Linear;
  /** Layer norm of the attention block. */
  norm1: LayerNorm;
  /** Layer norm of the feed-forward block. */
  norm2: LayerNorm;
  /** Dropout on the attention output. */
  dropout1: Dropout;
  /** Dropout on the feed-forward output. */
  dropout2: Dropout;
  /** The feed-forward activation. */
  readonly activation: (x: Tensor) => Tensor;
  readonly #options: TransformerEncoderLayerOptions;
  readonly #generator: Generator | undefined;

  constructor(dModel: number, nhead: number, options: TransformerEncoderLayerOptions = {}) {
    super();
    const op = 'new TransformerEncoderLayer';
    this.dModel = checkInt(op, 'dModel', dModel, 1);
    this.nhead = checkInt(op, 'nhead', nhead, 1);
    if (dModel % nhead !== 0)
      throw new ArgumentError({ op, arg: 'nhead', expected: `a divisor of dModel (${dModel})`, got: String(nhead) });
    const o = checkOptions(op, options, OPTION_KEYS);
    this.dimFeedforward = checkInt(op, 'dimFeedforward', o.dimFeedforward ?? 2048, 1);
    const p = checkNumber(op, 'dropout', o.dropout, 0.1, 0, 1);
    const eps = checkNumber(op, 'layerNormEps', o.layerNormEps, 1e-5, 0);
    this.batchFirst = checkBool(op, 'batchFirst', o.batchFirst, false);
    this.normFirst = checkBool(op, 'normFirst', o.normFirst, false);
    const bias = checkBool(op, 'bias', o.bias, true);
    const { dtype, generator } = layerOptions(op, o);
    this.activation = activationFunction(op, o.activation ?? 'relu');
    this.#options = { ...o };
    this.#generator = generator;
    const rng = { generator };
    this.selfAttn = new MultiheadAttention(dModel, nhead, {
      dropout: p,
      bias,
      batchFirst: this.batchFirst,
      dtype,
      ...rng,
    });
    this.linear1 = new Linear(dModel, this.dimFeedforward, { bias, dtype, ...rng });
    this.dropout = new Dropout(p, rng);
    this.linear2 = new Linear(this.dimFeedforward, dModel, { bias, dtype, ...rng });
    this.norm1 = new LayerNorm(dModel, { eps, bias, dtype });
    this.norm2 = new LayerNorm(dModel, { eps, bias, dtype });
    this.dropout1 = new Dropout(p, rng);
    this.dropout2 = new Dropout(p, rng);
  }

  /**
   * Runs the block.
   * @param src - `[L, N, dModel]` (`batchFirst`: `[N, L, dModel]`; unbatched `[L, dModel]`), in the parameters' dtype.
   * @param options - `srcMask`, `srcKeyPaddingMask`, `isCausal`.
   * @returns the same shape as `src`.
   * @throws `ShapeError` for a `src` that is not 2-D/3-D with `dModel` features, or masks of the wrong shape.
   * @throws `DTypeError` when `src` is not in the parameters' dtype.
   */
  forward(src: Tensor, options: TransformerEncoderLayerForwardOptions = {}): Tensor {
    const op = 'TransformerEncoderLayer.forward';
    const o = checkOptions(op, options, ['srcMask', 'srcKeyPaddingMask', 'isCausal']);
    checkEncoderCall(op, this, src, o.srcMask, o.srcKeyPaddingMask, o.isCausal, ['srcMask', 'srcKeyPaddingMask']);
    const attention = {
      attnMask: o.srcMask ?? null,
      keyPaddingMask: o.srcKeyPaddingMask ?? null,
      isCausal: o.isCausal ?? false,
    };
    const sa = (x: Tensor): Tensor =>
      this.dropout1.call(this.selfAttn.call(x, x, x, { ...attention, needWeights: false })[0]);
    const ff = (x: Tensor): Tensor =>
      this.dropout2.call(this.linear2.call(this.dropout.call(this.activation(this.linear1.call(x)))));
    return tidy(() => {
      if (this.normFirst) {
        const x = add(src, sa(this.norm1.call(src)));
        return add(x, ff(this.norm2.call(x)));
      }
      const x = this.norm1.call(add(src, sa(src)));
      return this.norm2.call(add(x, ff(x)));
    });
  }

  /**
   * A new layer with the same configuration, weights (copied, not shared) and mode: what
   * `TransformerEncoder` stacks (PyTorch deep-copies the layer). Draws no random numbers.
   * @example
   * ```ts
   * const a = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16 });
   * const b = a.clone();
   * b.linear1.weight === a.linear1.weight;                                                        // false
   * b.linear1.weight.value.toArray().join() === a.linear1.weight.value.toArray().join();          // true
   * ```
   */
  clone(): TransformerEncoderLayer {
    // Construction draws initial weights that are overwritten at once: restore the stream after.
    const g = this.#generator ?? defaultGenerator();
    const saved = g.getState();
    let copy: TransformerEncoderLayer;
    try {
      copy = new TransformerEncoderLayer(this.dModel, this.nhead, {
        ...this.#options,
        dtype: this.linear1.weight.dtype as 'float32' | 'float64',
      });
    } finally {
      g.setState(saved);
    }
    copy.loadStateDict(this.stateDict());
    copy.train(this.training);
    return copy;
  }
}

function activationFunction(op: string, activation: unknown): (x: Tensor) => Tensor {
  if (activation === 'relu') return relu;
  if (activation === 'gelu') return (x) => gelu(x);
  if (typeof activation === 'function') return activation as (x: Tensor) => Tensor;
  throw new ArgumentError({
    op,
    arg: 'activation',
    expected: "'relu', 'gelu' or a function of a tensor",
    got: show(activation),
  });
}

/**
 * Checks an encoder call up front under the caller's op and argument names: `src` (rank, dModel,
 * dtype), the two masks (shapes and dtypes for `layer`'s nhead) and the isCausal flag. @internal
 */
export function checkEncoderCall(
  op: string,
  layer: TransformerEncoderLayer,
  src: unknown,
  mask: unknown,
  keyPaddingMask: unknown,
  isCausal: unknown,
  names: [mask: string, keyPaddingMask: string],
): void {
  const what = layer.batchFirst ? '[N, L, dModel] or [L, dModel]' : '[L, N, dModel] or [L, dModel]';
  const x = checkInput(op, src, [2, 3], what, layer.linear1.weight.dtype, 'src');
  checkDim(op, x, -1, layer.dModel, 'the last dim (dModel)', 'src');
  checkBool(op, 'isCausal', isCausal, false);
  const batched = x.rank === 3;
  const l = x.shape[batched && layer.batchFirst ? 1 : 0]!;
  const n = batched ? x.shape[layer.batchFirst ? 0 : 1]! : 1;
  checkAttentionMasks(
    op,
    mask,
    keyPaddingMask,
    { l, s: l, n, numHeads: layer.nhead, batched },
    {
      attnMask: names[0],
      keyPaddingMask: names[1],
    },
  );
}
