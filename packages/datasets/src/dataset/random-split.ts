import { ArgumentError, type Generator } from '@nn/tensor';
import type { Dataset } from './dataset.js';
import { Subset } from './subset.js';
import { checkOptions, permutation, resolveGenerator, show } from './validate.js';

/** Options of `randomSplit`. @category Datasets */
export interface RandomSplitOptions {
  /** Random source of the permutation (default: the default generator, seeded by `manualSeed`). */
  generator?: Generator;
}

/** The split sizes: `lengths` as counts, or fractions turned into counts as PyTorch does. */
function splitSizes(op: string, n: number, lengths: unknown): number[] {
  if (
    !Array.isArray(lengths) ||
    lengths.length === 0 ||
    lengths.some((v) => typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v))
  ) {
    throw new ArgumentError({
      op,
      arg: 'lengths',
      expected: 'a non-empty array of numbers ≥ 0 (counts or fractions)',
      got: show(lengths),
    });
  }
  const list = lengths as number[];
  const total = list.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) <= 1e-9 && list.every((v) => v <= 1)) {
    // Fractions: floor each share, then hand out the remainder one by one from the first split.
    const sizes = list.map((f) => Math.floor(n * f));
    const remainder = n - sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; i < remainder; i++) sizes[i % sizes.length]! += 1;
    return sizes;
  }
  list.forEach((v, k) => {
    if (!Number.isInteger(v)) {
      throw new ArgumentError({
        op,
        arg: `lengths[${k}]`,
        expected: 'an integer count (or fractions summing to 1)',
        got: show(v),
      });
    }
  });
  if (total !== n) {
    throw new ArgumentError({
      op,
      arg: 'lengths',
      expected: `counts summing to ${n} (the dataset's length) or fractions summing to 1`,
      got: `${show(list)} (sum ${total})`,
    });
  }
  return list;
}

/**
 * Splits a dataset at random into non-overlapping subsets, as PyTorch's `random_split`: one
 * permutation of `0 … N−1` is drawn from the generator and cut into consecutive pieces of the
 * given sizes. `lengths` are counts summing to N, or fractions summing to 1: each fraction gives
 * `floor(N·f)` samples and the `N − Σ` left over go one each to the first splits, in order.
 *
 * The subsets are views (`Subset`) that keep the dataset's `getBatch` fast path. To split an
 * `ImageDataset` into `ImageDataset`s (e.g. to augment only the training part), pass each
 * subset's `indices` to `dataset.subset(indices)`.
 *
 * @typeParam T - the sample type.
 * @param dataset - the dataset to split.
 * @param lengths - the size of each split: counts or fractions.
 * @param options - `generator` (the same seed gives the same split).
 * @returns one `Subset` per entry of `lengths`.
 * @throws `ArgumentError` for lengths that are not numbers ≥ 0, counts that are not integers or
 *   do not sum to N, or an unknown option.
 * @example
 * ```ts
 * const ds: Dataset<number> = { length: 10, get: (i) => i };
 * const [train, test] = randomSplit(ds, [0.75, 0.25], { generator: new Generator(0) });
 * [train!.length, test!.length]; // [8, 2]
 * const everyIndex = [...train!.indices, ...test!.indices].sort((a, b) => a - b);
 * everyIndex; // [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
 * randomSplit(ds, [3, 3]); // throws ArgumentError (3 + 3 ≠ 10)
 * ```
 * @category Datasets
 */
export function randomSplit<T>(
  dataset: Dataset<T>,
  lengths: readonly number[],
  options: RandomSplitOptions = {},
): Subset<T>[] {
  const op = 'randomSplit';
  const d = dataset as Partial<Dataset<T>> | null;
  if (
    d === null ||
    typeof d !== 'object' ||
    typeof d.get !== 'function' ||
    !Number.isSafeInteger(d.length) ||
    d.length! < 0
  ) {
    throw new ArgumentError({
      op,
      arg: 'dataset',
      expected: 'a dataset (an object with length and get)',
      got: show(dataset),
    });
  }
  const o = checkOptions(op, options, ['generator']);
  const sizes = splitSizes(op, dataset.length, lengths);
  const order = permutation(dataset.length, resolveGenerator(op, o.generator));
  let offset = 0;
  return sizes.map((size) => {
    const subset = new Subset(dataset, order.slice(offset, offset + size));
    offset += size;
    return subset;
  });
}
