import { ArgumentError, clone, IndexError, tensor, tidy, untracked, where, zeros, type Tensor, type Variable } from '@nn/tensor';
import { embedding } from '../functional/layers/embedding.js';
import { normal } from '../init/index.js';
import { Module } from '../module/module.js';
import { checkBool, checkFloat, checkInput, checkInt, checkOptions, layerOptions, parameter, shapeText, show } from './checks.js';
import type { LayerOptions } from './options.js';

/** Options of `Embedding`. @category Layers */
export interface EmbeddingLayerOptions extends LayerOptions {
  /**
   * A row that gets no gradient (its outputs are constants for differentiation), initialised to
   * zeros: the padding token. Negative counts from the end (default none).
   */
  paddingIdx?: number | null;
}

/** Options of `Embedding.fromPretrained`. @category Layers */
export interface EmbeddingPretrainedOptions {
  /** Whether the table is frozen (`trainable = false`, so optimizers skip it; default `true`). */
  freeze?: boolean;
  /** As in the constructor; the given row is kept as is (not zeroed), as in PyTorch. */
  paddingIdx?: number | null;
}

/** The given table of `fromPretrained` (PyTorch's `_weight`), passed past the public options. */
const PRETRAINED = Symbol('pretrained');

/**
 * A lookup table of learned vectors, like `torch.nn.Embedding`: row `i` of `weight` is the
 * vector of token `i`.
 *
 * `indices: [*]` (int32) `→ [*, embeddingDim]`
 *
 * State: `weight: [numEmbeddings, embeddingDim]`, drawn from N(0, 1) as in PyTorch (row
 * `paddingIdx` zeroed).
 *
 * @param numEmbeddings - the number of rows (vocabulary size).
 * @param embeddingDim - the size of each vector.
 * @param options - `paddingIdx`, `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes; `IndexError` for `paddingIdx` outside `[−numEmbeddings, numEmbeddings)`.
 * @example
 * ```ts
 * const emb = new Embedding(10, 3, { paddingIdx: 0 });
 * emb.call(tensor([[1, 2, 0]], { dtype: 'int32' })).shape;      // [1, 3, 3]
 * emb.weight.value.toArray()[0];                                // [0, 0, 0]
 * emb.call(tensor([10], { dtype: 'int32' }));                   // throws IndexError
 * ```
 * @category Layers
 */
export class Embedding extends Module<[Tensor], Tensor> {
  /** The number of rows. */
  readonly numEmbeddings: number;
  /** The size of each vector. */
  readonly embeddingDim: number;
  /** The padding row (normalised to `[0, numEmbeddings)`), or `null`. */
  readonly paddingIdx: number | null;
  /** `[numEmbeddings, embeddingDim]`. */
  weight: Variable;

  constructor(numEmbeddings: number, embeddingDim: number, options: EmbeddingLayerOptions = {}) {
    super();
    const op = 'new Embedding';
    this.numEmbeddings = checkInt(op, 'numEmbeddings', numEmbeddings, 0);
    this.embeddingDim = checkInt(op, 'embeddingDim', embeddingDim, 0);
    const o = checkOptions(op, options, ['paddingIdx', 'dtype', 'generator']);
    const { dtype, generator } = layerOptions(op, o);
    this.paddingIdx = normalizePadding(op, o.paddingIdx, numEmbeddings);
    const given = (options as { [PRETRAINED]?: Tensor })[PRETRAINED];
    if (given !== undefined) {
      this.weight = parameter(untracked(() => clone(given)), 'weight');
      return;
    }
    this.weight = parameter(zeros([numEmbeddings, embeddingDim], { dtype }), 'weight');
    normal(this.weight, { mean: 0, std: 1, generator });
    const pad = this.paddingIdx;
    if (pad !== null) {
      untracked(() => {
        const isPad = new Array<boolean>(numEmbeddings).fill(false);
        isPad[pad] = true;
        this.weight.assign(tidy(() => where(tensor(isPad, { shape: [numEmbeddings, 1], dtype: 'bool' }), 0, this.weight.value)));
      });
    }
  }

  /**
   * An Embedding holding a copy of `embeddings` (PyTorch's `Embedding.from_pretrained`).
   * @param embeddings - the table `[numEmbeddings, embeddingDim]`, float32 or float64 (its dtype is kept).
   * @param options - `freeze` (default `true`), `paddingIdx`.
   * @throws `ShapeError` when `embeddings` is not 2-D.
   * @example
   * ```ts
   * const emb = Embedding.fromPretrained(tensor([[1, 2], [3, 4]]));
   * emb.call(tensor([1], { dtype: 'int32' })).toArray(); // [[3, 4]]
   * emb.weight.trainable;                                // false
   * ```
   */
  static fromPretrained(embeddings: Tensor, options: EmbeddingPretrainedOptions = {}): Embedding {
    const op = 'Embedding.fromPretrained';
    checkInput(op, embeddings, [2], '[numEmbeddings, embeddingDim]', undefined, 'embeddings');
    checkFloat(op, 'embeddings', embeddings);
    const o = checkOptions(op, options, ['freeze', 'paddingIdx']);
    const freeze = checkBool(op, 'freeze', o.freeze, true);
    const [v, d] = embeddings.shape as [number, number];
    const layer = new Embedding(v, d, { paddingIdx: o.paddingIdx ?? null, dtype: embeddings.dtype as 'float32' | 'float64', [PRETRAINED]: embeddings } as EmbeddingLayerOptions);
    layer.weight.trainable = !freeze;
    return layer;
  }

  /**
   * Looks up the rows of `indices`.
   * @param indices - int32 row numbers in `[0, numEmbeddings)`, any shape.
   * @returns `[*indices.shape, embeddingDim]`.
   * @throws `IndexError` for an index out of range; `DTypeError` for non-int32 indices.
   */
  forward(indices: Tensor): Tensor {
    const op = 'Embedding.forward';
    checkInput(op, indices, null, '', 'int32', 'indices');
    // Without synchronous reads (WebGPU) the ids are checked by the IndexSelect kernel instead (its IndexError rejects the read).
    const ids = indices.backend.capabilities.syncRead ? indices.dataSync() : [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < 0 || id >= this.numEmbeddings) {
        throw new IndexError({
          op,
          arg: 'indices',
          expected: `row numbers in [0, ${this.numEmbeddings - 1}] (numEmbeddings = ${this.numEmbeddings})`,
          got: `${id} in indices of shape ${shapeText(indices.shape)}`,
        });
      }
    }
    return embedding(indices, this.weight.value, { paddingIdx: this.paddingIdx });
  }
}

function normalizePadding(op: string, value: unknown, n: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ArgumentError({ op, arg: 'paddingIdx', expected: 'an integer or null', got: show(value) });
  }
  if (value < -n || value >= n) {
    throw new IndexError({ op, arg: 'paddingIdx', expected: `an integer in [${-n}, ${n - 1}] (numEmbeddings = ${n})`, got: String(value) });
  }
  return value < 0 ? value + n : value;
}
