import { ArgumentError, type Tensor, tensor } from '@nn/tensor';
import { show } from '../dataset/validate.js';
import {
  classificationData,
  type ClassificationOptions,
  commonOptions,
  count,
  type SyntheticData,
} from './synthetic-data.js';

/** Options of `blobs`. @category Synthetic */
export interface BlobsOptions extends ClassificationOptions {
  /** Number of points (default 100), split as evenly as possible over the centres (the first ones get one more). */
  n?: number;
  /** Number of centres drawn uniformly in `box` (default 3), or the centres themselves (`k × features`). */
  centers?: number | readonly (readonly number[])[];
  /** Standard deviation of each blob: one for all, or one per centre (default 1). */
  std?: number | readonly number[];
  /** Dimension of the points when the centres are drawn (default 2). */
  features?: number;
  /** Range `[lo, hi]` of the drawn centres' coordinates (default `[-10, 10]`). */
  box?: readonly [number, number];
}

function centerRows(op: string, centers: unknown, features: number | undefined): number[][] | undefined {
  if (centers === undefined || typeof centers === 'number') return undefined;
  const ok =
    Array.isArray(centers) &&
    centers.length > 0 &&
    centers.every(
      (c) =>
        Array.isArray(c) &&
        c.length > 0 &&
        c.length === (centers[0] as unknown[]).length &&
        c.every((v) => typeof v === 'number' && Number.isFinite(v)),
    );
  if (!ok) {
    throw new ArgumentError({
      op,
      arg: 'options.centers',
      expected: 'a number of centres, or k rows of finite coordinates of one length',
      got: show(centers),
    });
  }
  const rows = centers as number[][];
  if (features !== undefined && features !== rows[0]!.length) {
    throw new ArgumentError({
      op,
      arg: 'options.features',
      expected: `${rows[0]!.length} (the length of each centre)`,
      got: show(features),
    });
  }
  return rows;
}

/**
 * Isotropic Gaussian blobs, as scikit-learn's `make_blobs` (same defaults): `k` centres (drawn
 * uniformly in `box`, or given), and around centre `i` a blob of points `centre + std_i · N(0, I)`
 * labelled `i`. The centres are returned too.
 *
 * `x: [n, features]` float32, `y: [n]` int32 in `[0, k)`, `centers: [k, features]` float32
 *
 * @param options - `n` (100), `centers` (3), `std` (1), `features` (2), `box` (`[-10, 10]`),
 *   `shuffle` (true), `generator`.
 * @throws `ArgumentError` for counts that are not positive integers, malformed centres, a
 *   negative std or a std list of the wrong length, a `features` that contradicts the centres, a
 *   box with lo > hi, or an unknown option.
 * @example
 * ```ts
 * const { x, y, centers } = blobs({ n: 7, centers: [[0, 0], [5, 5]], std: 0, shuffle: false });
 * x.toArray(); // [[0, 0], [0, 0], [0, 0], [0, 0], [5, 5], [5, 5], [5, 5]]
 * y.toArray(); // [0, 0, 0, 0, 1, 1, 1]
 * centers.shape; // [2, 2]
 * blobs({ centers: 4, features: 3, generator: new Generator(0) }).x.shape; // [100, 3]
 * blobs({ std: -1 }); // throws ArgumentError
 * ```
 * @category Synthetic
 */
export function blobs(options: BlobsOptions = {}): SyntheticData & { readonly centers: Tensor } {
  const op = 'blobs';
  const { o, generator, shuffle } = commonOptions(op, options, ['n', 'centers', 'std', 'features', 'box'], true);
  const n = count(op, 'n', o.n, 100);
  const given = centerRows(op, o.centers, o.features === undefined ? undefined : count(op, 'features', o.features, 2));
  const k = given?.length ?? count(op, 'centers', o.centers, 3);
  const features = given?.[0]!.length ?? count(op, 'features', o.features, 2);
  const box = o.box ?? [-10, 10];
  if (
    !Array.isArray(box) ||
    box.length !== 2 ||
    !box.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
    box[0] > box[1]
  ) {
    throw new ArgumentError({
      op,
      arg: 'options.box',
      expected: 'a range [lo, hi] of finite numbers with lo ≤ hi',
      got: show(box),
    });
  }
  const stdValue = o.std ?? 1;
  const stds = typeof stdValue === 'number' ? new Array<number>(k).fill(stdValue) : stdValue;
  if (
    !Array.isArray(stds) ||
    stds.length !== k ||
    stds.some((s) => typeof s !== 'number' || !Number.isFinite(s) || s < 0)
  ) {
    throw new ArgumentError({
      op,
      arg: 'options.std',
      expected: `a finite number ≥ 0, or ${k} of them (one per centre)`,
      got: show(stdValue),
    });
  }
  const c = new Float32Array(k * features);
  for (let i = 0; i < k * features; i++) {
    c[i] =
      given === undefined
        ? box[0] + generator.random() * (box[1] - box[0])
        : given[Math.floor(i / features)]![i % features]!;
  }
  const x = new Float32Array(n * features);
  const y = new Int32Array(n);
  let row = 0;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(n / k) + (i < n % k ? 1 : 0);
    for (let s = 0; s < size; s++, row++) {
      for (let f = 0; f < features; f++) x[row * features + f] = c[i * features + f]! + stds[i]! * generator.normal();
      y[row] = i;
    }
  }
  return { ...classificationData(x, y, features, shuffle, generator), centers: tensor(c, { shape: [k, features] }) };
}
