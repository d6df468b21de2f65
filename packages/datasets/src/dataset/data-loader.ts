import { ArgumentError, type Generator, tidy } from '@nn/tensor';
import { type Collated, defaultCollate } from './collate.js';
import type { Dataset } from './dataset.js';
import { checkBoolean, checkInteger, checkOptions, permutation, resolveGenerator, show } from './validate.js';

/** Options of `new DataLoader`. @category DataLoader */
export interface DataLoaderOptions<T, B> {
  /** Samples per batch (default 1). */
  batchSize?: number;
  /** Visit the samples in a new random order every epoch (default false: in index order). */
  shuffle?: boolean;
  /** Drop the last batch when it would be smaller than `batchSize` (default false). */
  dropLast?: boolean;
  /** Random source of the shuffles (default: the default generator, seeded by `manualSeed`). */
  generator?: Generator;
  /** Builds a batch from the list of samples (default: `defaultCollate`, or the dataset's `getBatch`). */
  collate?: (items: T[]) => B;
}

const OPTION_KEYS = ['batchSize', 'shuffle', 'dropLast', 'generator', 'collate'];

/** How long the async iterator may keep the event loop busy before it yields a turn (ms). */
const SLICE_MS = 10;

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Iterates over a dataset in batches, as PyTorch's `DataLoader` (single process): each epoch
 * (each `for … of`) visits every sample once, in index order or — with `shuffle` — in a fresh random
 * order, and yields `length` batches of `batchSize` samples (the last one smaller unless
 * `dropLast`).
 *
 * - **Shuffling** draws one permutation from the generator when an epoch starts (when the iterator
 *   is created), so the epochs differ from each other while the whole sequence is reproducible: a
 *   loader given `new Generator(seed)` yields the same batches, epoch after epoch, as another
 *   given the same seed (without a generator, `manualSeed` sets the default one).
 * - **Batches** come from `collate(items)` when a `collate` function is given; otherwise from the
 *   dataset's `getBatch(indices)` fast path when it has one (`TensorDataset`, `ImageDataset`,
 *   `Subset` of those), else from `defaultCollate` of the samples.
 * - **Async iteration** (`for await`) yields the same batches; every ~10 ms it waits for a
 *   macrotask, so a page or a Web Worker stays responsive during a long epoch.
 * - **Memory**: each batch is built inside `tidy`: per-sample tensors created by `get` are freed
 *   and the batch's tensors belong to the caller — dispose them, or wrap each training step in
 *   `tidy(() => …)` so they go with the step's intermediates.
 *
 * Browser-safe: no Node APIs (it runs in a Web Worker).
 *
 * @typeParam T - the sample type of the dataset.
 * @typeParam B - the batch type: `Collated<T>` by default (e.g. `[Tensor, Tensor]` for
 *   `ImageDataset`, `Tensor[]` for `TensorDataset`), or what `collate` returns.
 * @param dataset - a non-empty dataset.
 * @param options - `batchSize`, `shuffle`, `dropLast`, `generator`, `collate`.
 * @throws `ArgumentError` for a value that is not a dataset, an empty dataset, a `batchSize` that
 *   is not a positive integer, `dropLast` with `batchSize` larger than the dataset (no batch at
 *   all), options of the wrong type, or an unknown option.
 * @example
 * ```ts
 * const ds = new TensorDataset(arange(10), arange(10));
 * const loader = new DataLoader(ds, { batchSize: 4 });
 * loader.length;                          // 3
 * [...loader].map(([x]) => x!.shape[0]);  // [4, 4, 2]
 * new DataLoader(ds, { batchSize: 4, dropLast: true }).length; // 2
 * const shuffled = new DataLoader(ds, { batchSize: 10, shuffle: true, generator: new Generator(0) });
 * const epoch1 = [...shuffled][0]![0]!.toArray() as number[];
 * [...epoch1].sort((a, b) => a - b);      // [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
 * new DataLoader(ds, { batchSize: 0 });   // throws ArgumentError
 * ```
 * @category DataLoader
 */
export class DataLoader<T, B = Collated<T>> implements Iterable<B>, AsyncIterable<B> {
  /** The dataset. */
  readonly dataset: Dataset<T>;
  /** Samples per batch. */
  readonly batchSize: number;
  /** Whether each epoch visits the samples in a new random order. */
  readonly shuffle: boolean;
  /** Whether a last, smaller batch is dropped. */
  readonly dropLast: boolean;
  /** The random source of the shuffles. */
  readonly generator: Generator;
  /** The collate function, when one was given. */
  readonly collate: ((items: T[]) => B) | undefined;

  constructor(dataset: Dataset<T>, options: DataLoaderOptions<T, B> = {}) {
    const op = 'new DataLoader';
    const d = dataset as Partial<Dataset<T>> | null;
    if (d === null || typeof d !== 'object' || typeof d.get !== 'function') {
      throw new ArgumentError({
        op,
        arg: 'dataset',
        expected: 'a dataset (an object with length and get)',
        got: show(dataset),
      });
    }
    const o = checkOptions(op, options, OPTION_KEYS);
    this.dataset = dataset;
    this.batchSize = checkInteger(op, 'options.batchSize', o.batchSize ?? 1, 1);
    this.shuffle = checkBoolean(op, 'options.shuffle', o.shuffle ?? false);
    this.dropLast = checkBoolean(op, 'options.dropLast', o.dropLast ?? false);
    this.generator = resolveGenerator(op, o.generator);
    if (o.collate !== undefined && typeof o.collate !== 'function') {
      throw new ArgumentError({
        op,
        arg: 'options.collate',
        expected: 'a function (items) => batch',
        got: show(o.collate),
      });
    }
    this.collate = o.collate;
    this.#checkSize(op);
  }

  /**
   * Batches per epoch: `ceil(N / batchSize)`, or `floor(N / batchSize)` with `dropLast`.
   * @example
   * ```ts
   * new DataLoader({ length: 10, get: (i: number) => i }, { batchSize: 3 }).length; // 4
   * ```
   */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /**
   * One epoch of batches. With `shuffle`, the permutation is drawn now, when the iterator is made.
   * @example
   * ```ts
   * const loader = new DataLoader({ length: 3, get: (i: number) => i * 2 }, { batchSize: 2 });
   * [...loader].map((b) => b.toArray()); // [[0, 2], [4]]
   * ```
   */
  [Symbol.iterator](): IterableIterator<B> {
    const plan = this.#plan();
    const load = (indices: number[]): B => this.#load(indices);
    function* epoch(): IterableIterator<B> {
      for (const indices of plan) yield load(indices);
    }
    return epoch();
  }

  /**
   * One epoch of batches for `for await`: the same batches as the sync iterator, giving the event
   * loop a turn every ~10 ms.
   * @example
   * ```ts
   * const loader = new DataLoader({ length: 3, get: (i: number) => i }, { batchSize: 2 });
   * const sizes: number[] = [];
   * for await (const batch of loader) sizes.push(batch.shape[0]!);
   * sizes; // [2, 1]
   * ```
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<B> {
    const plan = this.#plan();
    const load = (indices: number[]): B => this.#load(indices);
    async function* epoch(): AsyncIterableIterator<B> {
      let last = now();
      for (const indices of plan) {
        if (now() - last > SLICE_MS) {
          await nextMacrotask();
          last = now();
        }
        yield load(indices);
      }
    }
    return epoch();
  }

  #checkSize(op: string): number {
    const n = checkInteger(op, 'dataset.length', this.dataset.length, 0);
    if (n === 0) {
      throw new ArgumentError({ op, arg: 'dataset', expected: 'a non-empty dataset', got: 'a dataset of length 0' });
    }
    if (this.dropLast && this.batchSize > n) {
      throw new ArgumentError({
        op,
        arg: 'options.batchSize',
        expected: `a batch size ≤ ${n} (the dataset's length) with dropLast`,
        got: String(this.batchSize),
        hint: 'dropLast would drop every sample: lower batchSize or set dropLast: false',
      });
    }
    return n;
  }

  /** The index batches of one epoch (drawing the shuffle now). */
  #plan(): number[][] {
    const n = this.#checkSize('DataLoader.iterator');
    const order = this.shuffle ? permutation(n, this.generator) : Array.from({ length: n }, (_, i) => i);
    const batches: number[][] = [];
    for (let start = 0; start < n; start += this.batchSize) {
      const indices = order.slice(start, start + this.batchSize);
      if (this.dropLast && indices.length < this.batchSize) break;
      batches.push(indices);
    }
    return batches;
  }

  #load(indices: number[]): B {
    const dataset = this.dataset;
    const collate = this.collate;
    if (collate !== undefined) return tidy(() => collate(indices.map((i) => dataset.get(i))));
    if (typeof dataset.getBatch === 'function') return tidy(() => dataset.getBatch!(indices)) as B;
    return tidy(() => defaultCollate(indices.map((i) => dataset.get(i)))) as B;
  }
}
