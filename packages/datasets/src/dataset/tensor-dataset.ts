import { ArgumentError, indexSelect, narrow, reshape, ShapeError, Tensor, tensor, tidy } from '@nn/tensor';
import type { Dataset } from './dataset.js';
import { checkIndex, checkIndices, show } from './validate.js';

/**
 * A dataset of tensors that share their first dimension, as PyTorch's `TensorDataset`: sample `i`
 * is row `i` of each tensor. `getBatch` selects the rows of a whole batch with one `indexSelect`
 * per tensor, so a `DataLoader` over it never builds per-sample tensors.
 *
 * `tensors: [N, …a], [N, …b], …` → `get(i)`: `[[…a], […b], …]`; `getBatch(B indices)`: `[[B, …a], [B, …b], …]`
 *
 * The tensors are kept, not copied: keep them alive (undisposed) while the dataset is in use.
 *
 * @param tensors - one or more tensors of rank ≥ 1 with the same first dimension N.
 * @throws `ArgumentError` for no tensors or a non-tensor; `ShapeError` for a 0-d tensor or first
 *   dimensions that differ.
 * @example
 * ```ts
 * const ds = new TensorDataset(tensor([[1, 2], [3, 4], [5, 6]]), tensor([0, 1, 0], { dtype: 'int32' }));
 * ds.length;                     // 3
 * const [x, y] = ds.get(1);
 * x.toArray();                   // [3, 4]
 * y.item();                      // 1
 * ds.getBatch([2, 0])[0].toArray(); // [[5, 6], [1, 2]]
 * new TensorDataset(zeros([3]), zeros([4])); // throws ShapeError
 * ```
 * @category Datasets
 */
export class TensorDataset implements Dataset<Tensor[]> {
  /** The tensors, each `[N, …]`. */
  readonly tensors: readonly Tensor[];
  /** N, the shared first dimension. */
  readonly length: number;

  constructor(...tensors: Tensor[]) {
    const op = 'new TensorDataset';
    if (tensors.length === 0) {
      throw new ArgumentError({ op, arg: 'tensors', expected: 'at least one tensor', got: 'none' });
    }
    tensors.forEach((t, k) => {
      if (!(t instanceof Tensor))
        throw new ArgumentError({ op, arg: `tensors[${k}]`, expected: 'a Tensor', got: show(t) });
      if (t.rank === 0)
        throw new ShapeError({
          op,
          arg: `tensors[${k}]`,
          expected: 'a tensor of rank ≥ 1 (rows along dim 0)',
          got: 'a 0-d tensor',
        });
    });
    const n = tensors[0]!.shape[0]!;
    tensors.forEach((t, k) => {
      if (t.shape[0] !== n) {
        throw new ShapeError({
          op,
          arg: `tensors[${k}]`,
          expected: `first dimension ${n} (as tensors[0])`,
          got: `shape [${t.shape.join(', ')}]`,
        });
      }
    });
    this.tensors = Object.freeze([...tensors]);
    this.length = n;
  }

  /**
   * Row `index` of each tensor.
   * @throws `IndexError` for an index outside `[0, length)`.
   * @example
   * ```ts
   * new TensorDataset(tensor([10, 20])).get(1)[0].item(); // 20
   * new TensorDataset(tensor([10, 20])).get(2);           // throws IndexError
   * ```
   */
  get(index: number): Tensor[] {
    const i = checkIndex('TensorDataset.get', 'index', index, this.length);
    return tidy(() => this.tensors.map((t) => reshape(narrow(t, 0, i, 1), t.shape.slice(1))));
  }

  /**
   * The rows at `indices` of each tensor, `[B, …]` each (one `indexSelect` per tensor).
   * @throws `IndexError` for an index outside `[0, length)`; `ArgumentError` for an empty list.
   * @example
   * ```ts
   * new TensorDataset(tensor([10, 20, 30])).getBatch([2, 2, 0])[0].toArray(); // [30, 30, 10]
   * ```
   */
  getBatch(indices: readonly number[]): Tensor[] {
    const list = checkIndices('TensorDataset.getBatch', 'indices', indices, this.length, false);
    return tidy(() => {
      const index = tensor(Int32Array.from(list));
      return this.tensors.map((t) => indexSelect(t, 0, index));
    });
  }
}
