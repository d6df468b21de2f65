import {
  ArgumentError,
  clone,
  DTypeError,
  eq,
  IndexError,
  indexSelect,
  reshape,
  ShapeError,
  tidy,
  unsqueeze,
  untracked,
  where,
  type Tensor,
} from '@nn/tensor';
import { checkFloat, checkOptions, checkTensorArg, shapeText, show } from '../../layers/checks.js';

/** Options of `embedding`. @category Functional */
export interface EmbeddingOptions {
  /**
   * A row whose gradient is always zero (PyTorch's `padding_idx`; negative counts from the end).
   * Its value is returned as stored.
   */
  paddingIdx?: number | null;
}

/**
 * Looks up rows of an embedding table (PyTorch's `F.embedding`): `y[…, :] = weight[indices[…], :]`.
 *
 * `indices: [*]` (int32), `weight: [V, D]` → `[*, D]`
 *
 * With `paddingIdx`, the gradient flowing to that row is zero (its outputs are constants for
 * differentiation), so a padding row stays as initialised during training.
 *
 * @param indices - int32 row numbers in `[0, V)`, any shape (a 0-D index gives `[D]`).
 * @param weight - the table `[V, D]`, float32 or float64.
 * @param options - `paddingIdx`.
 * @throws `IndexError` for an index outside `[0, V)` or a `paddingIdx` outside `[−V, V)`.
 * @throws `DTypeError` for non-int32 `indices` or a non-float `weight`.
 * @throws `ShapeError` when `weight` is not 2-D.
 * @example
 * ```ts
 * const table = tensor([[0, 0], [1, 2], [3, 4]]);
 * embedding(tensor([[2, 1]], { dtype: 'int32' }), table).toArray(); // [[[3, 4], [1, 2]]]
 * embedding(tensor(2, { dtype: 'int32' }), table).toArray();        // [3, 4]
 * embedding(tensor([3], { dtype: 'int32' }), table);                // throws IndexError
 * ```
 * @category Functional
 */
export function embedding(indices: Tensor, weight: Tensor, options: EmbeddingOptions = {}): Tensor {
  const op = 'embedding';
  checkTensorArg(op, 'indices', indices);
  checkTensorArg(op, 'weight', weight);
  if (indices.dtype !== 'int32') {
    throw new DTypeError({ op, arg: 'indices', expected: 'an int32 tensor of row numbers', got: indices.dtype });
  }
  checkFloat(op, 'weight', weight);
  if (weight.rank !== 2) {
    throw new ShapeError({ op, arg: 'weight', expected: 'a 2-D tensor [numEmbeddings, embeddingDim]', got: `shape ${shapeText(weight.shape)}` });
  }
  const [v, d] = weight.shape as [number, number];
  const o = checkOptions(op, options, ['paddingIdx']);
  let pad: number | null = null;
  if (o.paddingIdx !== undefined && o.paddingIdx !== null) {
    if (!Number.isInteger(o.paddingIdx)) {
      throw new ArgumentError({ op, arg: 'paddingIdx', expected: 'an integer or null', got: show(o.paddingIdx) });
    }
    if (o.paddingIdx < -v || o.paddingIdx >= v) {
      throw new IndexError({ op, arg: 'paddingIdx', expected: `an integer in [${-v}, ${v - 1}]`, got: String(o.paddingIdx) });
    }
    pad = o.paddingIdx < 0 ? o.paddingIdx + v : o.paddingIdx;
  }
  // Without synchronous reads (WebGPU) the ids are checked by the IndexSelect kernel instead (its IndexError rejects the read).
  const ids = indices.backend.capabilities.syncRead ? indices.dataSync() : [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0 || id >= v) {
      throw new IndexError({ op, arg: 'indices', expected: `row numbers in [0, ${v - 1}] (numEmbeddings = ${v})`, got: `${id} at flat position ${i}` });
    }
  }
  return tidy(() => {
    const rows = indexSelect(weight, 0, reshape(indices, [indices.size]));
    let out = rows;
    if (pad !== null) {
      // The padding positions take an untracked copy of their rows: same values, no gradient.
      const constant = untracked(() => clone(rows));
      out = where(unsqueeze(eq(reshape(indices, [indices.size]), pad), 1), constant, rows);
    }
    return reshape(out, [...indices.shape, d]);
  });
}
