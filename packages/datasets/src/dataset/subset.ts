import { ArgumentError } from '@nn/tensor';
import type { Dataset } from './dataset.js';
import { checkIndex, checkIndices, checkInteger, show } from './validate.js';

/**
 * The samples of `dataset` at `indices`, in that order, as PyTorch's `Subset`: `subset.get(i)` is
 * `dataset.get(indices[i])`. When `dataset` has a `getBatch` fast path, so does the subset.
 * Nothing is copied.
 *
 * @typeParam T - the sample type of `dataset`.
 * @param dataset - the dataset to view.
 * @param indices - positions in `[0, dataset.length)` (may repeat).
 * @throws `ArgumentError` for a value that is not a dataset or an index that is not an integer;
 *   `IndexError` for an index outside `[0, dataset.length)`.
 * @example
 * ```ts
 * const letters: Dataset<string> = { length: 4, get: (i) => 'abcd'[i]! };
 * const view = new Subset(letters, [3, 0]);
 * view.length; // 2
 * view.get(0); // 'd'
 * new Subset(letters, [4]); // throws IndexError
 * ```
 * @category Datasets
 */
export class Subset<T> implements Dataset<T> {
  /** The dataset viewed. */
  readonly dataset: Dataset<T>;
  /** The positions in `dataset`, one per sample of the subset. */
  readonly indices: readonly number[];
  /** Present when `dataset.getBatch` is: the batch of `dataset` at the mapped positions. */
  readonly getBatch?: (indices: readonly number[]) => unknown;

  constructor(dataset: Dataset<T>, indices: readonly number[]) {
    const op = 'new Subset';
    const d = dataset as Partial<Dataset<T>> | null;
    if (d === null || typeof d !== 'object' || typeof d.get !== 'function') {
      throw new ArgumentError({
        op,
        arg: 'dataset',
        expected: 'a dataset (an object with length and get)',
        got: show(dataset),
      });
    }
    checkInteger(op, 'dataset.length', d.length, 0);
    this.dataset = dataset;
    this.indices = Object.freeze(checkIndices(op, 'indices', indices, dataset.length));
    if (typeof dataset.getBatch === 'function') {
      this.getBatch = (batch) => {
        const list = checkIndices('Subset.getBatch', 'indices', batch, this.indices.length, false);
        return dataset.getBatch!(list.map((i) => this.indices[i]!));
      };
    }
  }

  /** Number of samples (`indices.length`). */
  get length(): number {
    return this.indices.length;
  }

  /**
   * Sample `index` of the subset, i.e. `dataset.get(indices[index])`.
   * @throws `IndexError` for an index outside `[0, length)`.
   * @example
   * ```ts
   * new Subset({ length: 3, get: (i: number) => i * 10 }, [2, 1]).get(1); // 10
   * ```
   */
  get(index: number): T {
    const i = checkIndex('Subset.get', 'index', index, this.indices.length);
    return this.dataset.get(this.indices[i]!);
  }
}
