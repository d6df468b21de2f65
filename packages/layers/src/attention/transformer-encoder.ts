import { ArgumentError, tidy, type Tensor } from '@nn/tensor';
import type { TensorModule } from '../containers/sequential.js';
import { ModuleList } from '../containers/module-list.js';
import { checkInt, checkOptions, show } from '../layers/checks.js';
import { Module } from '../module/module.js';
import { checkEncoderCall, TransformerEncoderLayer } from './transformer-encoder-layer.js';

/** Options of `TransformerEncoder`. @category Attention */
export interface TransformerEncoderOptions {
  /** A module applied to the output of the last layer, e.g. a `LayerNorm` (default none). Owned by the encoder. */
  norm?: TensorModule | null;
  /** Accepted for PyTorch compatibility and ignored (PyTorch's nested-tensor fast path of inference). */
  enableNestedTensor?: boolean;
  /** Accepted for PyTorch compatibility and ignored. */
  maskCheck?: boolean;
}

/** Options of `TransformerEncoder.forward`. @category Attention */
export interface TransformerEncoderForwardOptions {
  /** Attention mask of every layer, `[L, L]` or `[N·nhead, L, L]`: bool `true` = masked out, float = added. */
  mask?: Tensor | null;
  /** `[N, L]` (unbatched `[L]`): bool `true` = padding, ignored as a key; float = added. */
  srcKeyPaddingMask?: Tensor | null;
  /** Apply the causal mask in every layer, alone or on top of `mask` (default `false`). */
  isCausal?: boolean;
}

/**
 * A stack of `numLayers` copies of an encoder layer, like `torch.nn.TransformerEncoder`, with an
 * optional final `norm` (use one after pre-norm layers).
 *
 * `src: [L, N, dModel]` (`batchFirst` layers: `[N, L, dModel]`; unbatched `[L, dModel]`) → the same shape.
 *
 * As PyTorch, the layers are copies of `encoderLayer` made at construction (`layers.0`, `layers.1`,
 * …, all starting with its weights, none shared); `encoderLayer` itself is not part of the encoder
 * and stays the caller's (dispose it when no longer needed). Keys: `layers.<i>.…`, then `norm.…`.
 *
 * @param encoderLayer - the layer to copy (a `TransformerEncoderLayer`).
 * @param numLayers - how many copies (≥ 1).
 * @param options - `norm` (default none); `enableNestedTensor` and `maskCheck` are ignored.
 * @throws `ArgumentError` for a layer that is not a `TransformerEncoderLayer`, `numLayers` < 1, or a `norm` that is not a module.
 * @example
 * ```ts
 * const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16 });
 * const encoder = new TransformerEncoder(layer, 2, { norm: new LayerNorm(8) });
 * layer.dispose();
 * encoder.call(randn([5, 3, 8]), { mask: generateSquareSubsequentMask(5) }).shape; // [5, 3, 8]
 * encoder.layers.length;                                             // 2
 * Object.keys(encoder.stateDict()).at(-1);                           // 'norm.bias'
 * ```
 * @category Attention
 */
export class TransformerEncoder extends Module<[Tensor, TransformerEncoderForwardOptions?], Tensor> {
  /** The layers, applied in order (`layers.0`, …). */
  layers: ModuleList<TransformerEncoderLayer>;
  /** Number of layers. */
  readonly numLayers: number;
  /** The final norm, or `null`. */
  norm: TensorModule | null;

  constructor(encoderLayer: TransformerEncoderLayer, numLayers: number, options: TransformerEncoderOptions = {}) {
    super();
    const op = 'new TransformerEncoder';
    if (!(encoderLayer instanceof TransformerEncoderLayer)) {
      throw new ArgumentError({
        op,
        arg: 'encoderLayer',
        expected: 'a TransformerEncoderLayer',
        got: show(encoderLayer),
      });
    }
    this.numLayers = checkInt(op, 'numLayers', numLayers, 1);
    const o = checkOptions(op, options, ['norm', 'enableNestedTensor', 'maskCheck']);
    const norm = o.norm ?? null;
    if (norm !== null && !(norm instanceof Module)) {
      throw new ArgumentError({ op, arg: 'norm', expected: 'a Module (e.g. a LayerNorm) or null', got: show(norm) });
    }
    this.layers = new ModuleList(Array.from({ length: numLayers }, () => encoderLayer.clone()));
    this.norm = norm;
  }

  /**
   * Runs every layer in turn, then the final norm.
   * @param src - `[L, N, dModel]` (`[N, L, dModel]` for `batchFirst` layers; unbatched `[L, dModel]`).
   * @param options - `mask`, `srcKeyPaddingMask`, `isCausal` (passed to every layer).
   * @returns the same shape as `src`.
   * @throws `ShapeError` / `DTypeError` as `TransformerEncoderLayer.forward`.
   */
  forward(src: Tensor, options: TransformerEncoderForwardOptions = {}): Tensor {
    const op = 'TransformerEncoder.forward';
    const o = checkOptions(op, options, ['mask', 'srcKeyPaddingMask', 'isCausal']);
    checkEncoderCall(op, this.layers[0]!, src, o.mask, o.srcKeyPaddingMask, o.isCausal, ['mask', 'srcKeyPaddingMask']);
    const layerOptions = {
      srcMask: o.mask ?? null,
      srcKeyPaddingMask: o.srcKeyPaddingMask ?? null,
      isCausal: o.isCausal ?? false,
    };
    return tidy(() => {
      let out = src;
      for (const layer of this.layers) out = layer.call(out, layerOptions);
      return this.norm === null ? out : this.norm.call(out);
    });
  }
}
