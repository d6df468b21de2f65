/**
 * A map-style dataset (PyTorch's `torch.utils.data.Dataset`): `length` samples, each read with
 * `get(i)` for `i` in `[0, length)`. Anything with these members is a dataset; `TensorDataset`,
 * `Subset` and `ImageDataset` are the built-in ones.
 *
 * `getBatch(indices)` is an optional fast path: when present, `DataLoader` (with the default
 * collate) asks for a whole batch at once instead of calling `get` per sample and collating. It
 * must return what the default collate would build from `indices.map(i => get(i))` (same structure,
 * shapes and dtypes), e.g. `ImageDataset.getBatch` → `[images [B, C, H, W], labels [B]]`.
 *
 * Memory: tensors returned by `get` / `getBatch` belong to the caller, unless the dataset
 * documents that it keeps them.
 *
 * @typeParam T - what one sample is, e.g. `[Tensor, number]` (image and label) or `Tensor[]`.
 * @example
 * ```ts
 * const squares: Dataset<[number, number]> = { length: 4, get: (i) => [i, i * i] };
 * const loader = new DataLoader(squares, { batchSize: 2 });
 * const [x, y] = [...loader][1]!;
 * x.toArray(); // [2, 3]
 * y.toArray(); // [4, 9]
 * y.dtype;     // 'int32'
 * ```
 * @category Datasets
 */
export interface Dataset<T> {
  /** Number of samples. */
  readonly length: number;
  /** Sample `index`, for `index` in `[0, length)`. */
  get(index: number): T;
  /** Optional: the collated batch of the samples at `indices` (see above). */
  getBatch?(indices: readonly number[]): unknown;
}
