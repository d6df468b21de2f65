import { ArgumentError, ShapeError, stack, Tensor, tensor } from '@nn/tensor';
import { show } from './validate.js';

/**
 * The type of a batch the default collate builds from samples of type `T`: tensors and numbers
 * become tensors, strings a `string[]`, and arrays, tuples and records keep their structure with
 * each field collated.
 * @category DataLoader
 */
export type Collated<T> = T extends Tensor
  ? Tensor
  : T extends number | boolean
    ? Tensor
    : T extends string
      ? string[]
      : T extends readonly unknown[]
        ? { -readonly [K in keyof T]: Collated<T[K]> }
        : T extends object
          ? { -readonly [K in keyof T]: Collated<T[K]> }
          : never;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function kindOf(value: unknown): string {
  if (value instanceof Tensor) return 'tensor';
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'record';
  return typeof value;
}

function collateAt(items: readonly unknown[], path: string): unknown {
  const first = items[0];
  const kind = kindOf(first);
  items.forEach((item, k) => {
    if (kindOf(item) !== kind) {
      throw new ArgumentError({
        op: 'defaultCollate',
        arg: `items[${k}]${path}`,
        expected: `a ${kind} (as items[0]${path})`,
        got: show(item),
      });
    }
  });
  switch (kind) {
    case 'tensor': {
      const tensors = items as Tensor[];
      const shape = tensors[0]!.shape;
      tensors.forEach((t, k) => {
        if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
          throw new ShapeError({
            op: 'defaultCollate',
            arg: `items[${k}]${path}`,
            expected: `shape [${shape.join(', ')}] (as items[0]${path})`,
            got: `shape [${t.shape.join(', ')}]`,
            hint: 'Samples of a batch must have equal shapes; resize them, or pass a collate function',
          });
        }
      });
      return stack(tensors);
    }
    case 'number': {
      const values = items as number[];
      const integral = values.every((v) => Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX);
      return tensor(integral ? Int32Array.from(values) : Float32Array.from(values));
    }
    case 'boolean':
      return tensor(items as boolean[]);
    case 'string':
      return [...(items as string[])];
    case 'array': {
      const arrays = items as unknown[][];
      const length = arrays[0]!.length;
      arrays.forEach((a, k) => {
        if (a.length !== length) {
          throw new ShapeError({
            op: 'defaultCollate',
            arg: `items[${k}]${path}`,
            expected: `an array of length ${length} (as items[0]${path})`,
            got: `length ${a.length}`,
          });
        }
      });
      return Array.from({ length }, (_, i) =>
        collateAt(
          arrays.map((a) => a[i]),
          `${path}[${i}]`,
        ),
      );
    }
    case 'record': {
      const records = items as Record<string, unknown>[];
      const keys = Object.keys(records[0]!);
      records.forEach((r, k) => {
        const own = Object.keys(r);
        if (own.length !== keys.length || keys.some((key) => !(key in r))) {
          throw new ArgumentError({
            op: 'defaultCollate',
            arg: `items[${k}]${path}`,
            expected: `a record with keys ${show(keys)} (as items[0]${path})`,
            got: `keys ${show(own)}`,
          });
        }
      });
      return Object.fromEntries(
        keys.map((key) => [
          key,
          collateAt(
            records.map((r) => r[key]),
            `${path}.${key}`,
          ),
        ]),
      );
    }
    default:
      throw new ArgumentError({
        op: 'defaultCollate',
        arg: `items[0]${path}`,
        expected: 'tensors, numbers, booleans, strings, or arrays / records of them',
        got: show(first),
        hint: 'Pass a collate function to the DataLoader for other sample types',
      });
  }
}

/**
 * Turns a list of samples into a batch, as PyTorch's `default_collate`:
 * - tensors of one shape `[…s]` are stacked → `[B, …s]` (mixed dtypes promote);
 * - numbers → a `[B]` tensor: **int32 when every number is an integer** in int32 range (class
 *   labels, ready for `crossEntropy`), float32 otherwise; for float targets that may happen to be
 *   whole numbers, return 0-d float tensors from `get` so every batch has the same dtype;
 * - booleans → a `[B]` bool tensor; strings → a `string[]`;
 * - arrays / tuples (of one length) and plain records (with the same keys) are collated position
 *   by position / key by key, keeping their structure.
 *
 * The result holds new tensors (the caller's); the samples are not disposed.
 *
 * @typeParam T - the sample type.
 * @param items - a non-empty list of samples of one structure.
 * @returns the batch.
 * @throws `ArgumentError` for an empty list, samples of different kinds or keys, or values it cannot
 *   collate (null, functions, class instances other than tensors); `ShapeError` for tensors of
 *   different shapes or arrays of different lengths.
 * @example
 * ```ts
 * const [x, y] = defaultCollate([[tensor([1, 2]), 0], [tensor([3, 4]), 2]]);
 * x.toArray(); // [[1, 2], [3, 4]]
 * y.toArray(); // [0, 2]
 * y.dtype;     // 'int32'
 * defaultCollate([0.5, 1]).dtype; // 'float32'
 * const batch = defaultCollate([{ id: 'a', v: 1 }, { id: 'b', v: 2 }]);
 * batch.id;    // ['a', 'b']
 * defaultCollate([tensor([1]), tensor([1, 2])]); // throws ShapeError
 * ```
 * @category DataLoader
 */
export function defaultCollate<T>(items: readonly T[]): Collated<T> {
  if (!Array.isArray(items) || items.length === 0) {
    throw new ArgumentError({
      op: 'defaultCollate',
      arg: 'items',
      expected: 'a non-empty array of samples',
      got: show(items),
    });
  }
  return collateAt(items, '') as Collated<T>;
}
