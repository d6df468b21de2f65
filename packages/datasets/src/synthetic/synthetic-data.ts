import { type Generator, type Tensor, tensor } from '@nn/tensor';
import {
  checkBoolean,
  checkInteger,
  checkNonNegative,
  checkOptions,
  permutation,
  resolveGenerator,
} from '../dataset/validate.js';

/**
 * A synthetic dataset: inputs `x` (float32, one row per sample) and targets `y` (int32 class
 * labels `[N]` for classification sets, float32 `[N, 1]` for regression). Both tensors belong to
 * the caller. Wrap them in a `TensorDataset` to feed a `DataLoader`.
 * @category Synthetic
 */
export interface SyntheticData {
  /** Inputs, float32 `[N, …]`. */
  readonly x: Tensor;
  /** Targets: int32 `[N]` labels, or float32 `[N, …]` values. */
  readonly y: Tensor;
}

/** Options every synthetic set accepts. @category Synthetic */
export interface SyntheticOptions {
  /** Random source (default: the default generator, seeded by `manualSeed`); the same seed gives the same data. */
  generator?: Generator;
}

/** Options of the 2-D classification sets. @category Synthetic */
export interface ClassificationOptions extends SyntheticOptions {
  /** Shuffle the rows (default true, as scikit-learn); `false` keeps them grouped by class. */
  shuffle?: boolean;
}

/** The checked common options of a set: options object, generator, shuffle. @internal */
export interface CommonOptions<O> {
  readonly o: O;
  readonly generator: Generator;
  readonly shuffle: boolean;
}

/** Checks `options` (only `keys`, plus `generator` and, for classification, `shuffle`). @internal */
export function commonOptions<O extends SyntheticOptions & { shuffle?: boolean }>(
  op: string,
  options: O | undefined,
  keys: readonly string[],
  classification: boolean,
): CommonOptions<O> {
  const o = checkOptions(op, options, [...keys, 'generator', ...(classification ? ['shuffle'] : [])]);
  const generator = resolveGenerator(op, o.generator);
  const shuffle = classification ? checkBoolean(op, 'options.shuffle', o.shuffle ?? true) : false;
  return { o, generator, shuffle };
}

/** A count option: a positive integer, `fallback` when undefined. @internal */
export function count(op: string, arg: string, value: unknown, fallback: number): number {
  return checkInteger(op, `options.${arg}`, value ?? fallback, 1);
}

/** A noise option: a finite number ≥ 0, `fallback` when undefined. @internal */
export function noiseLevel(op: string, value: unknown, fallback: number): number {
  return checkNonNegative(op, 'options.noise', value ?? fallback);
}

/**
 * `{ x: [n, features] float32, y: [n] int32 }` from row-major arrays, with the rows permuted at
 * random when `shuffle`. @internal
 */
export function classificationData(
  x: Float32Array,
  y: Int32Array,
  features: number,
  shuffle: boolean,
  generator: Generator,
): SyntheticData {
  const n = y.length;
  if (shuffle) {
    const order = permutation(n, generator);
    const xs = new Float32Array(x.length);
    const ys = new Int32Array(n);
    order.forEach((from, to) => {
      xs.set(x.subarray(from * features, (from + 1) * features), to * features);
      ys[to] = y[from]!;
    });
    x = xs;
    y = ys;
  }
  return { x: tensor(x, { shape: [n, features] }), y: tensor(y) };
}

/**
 * `n` labelled 2-D points, `point(i)` giving row i as `[x, y, label]` (called in order, so the
 * generator draws stay in row order), as `classificationData`. @internal
 */
export function labelledPoints(
  n: number,
  point: (i: number) => readonly [number, number, number],
  shuffle: boolean,
  generator: Generator,
): SyntheticData {
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [px, py, label] = point(i);
    x[2 * i] = px;
    x[2 * i + 1] = py;
    y[i] = label;
  }
  return classificationData(x, y, 2, shuffle, generator);
}

/**
 * Row `i` of `n` split into two groups, `floor(n / 2)` rows in group 0 and the rest in group 1:
 * the group, the index within it and its size. @internal
 */
export function twoGroups(i: number, n: number): readonly [group: 0 | 1, k: number, size: number] {
  const first = Math.floor(n / 2);
  return i >= first ? [1, i - first, n - first] : [0, i, first];
}
