import { ArgumentError, IndexError, ShapeError } from './errors.js';

/**
 * A tensor shape: one non-negative integer per dimension; `[]` is a scalar.
 * @category Tensors
 */
export type Shape = readonly number[];

/**
 * Formats a shape the way error messages print it: `[2,3]`.
 * @example
 * ```ts
 * formatShape([2, 3]); // '[2,3]'
 * formatShape([]);     // '[]'
 * ```
 * @category Tensors
 */
export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/**
 * Number of elements of a shape (1 for a scalar).
 * @example
 * ```ts
 * sizeOf([2, 3, 4]); // 24
 * ```
 * @category Tensors
 */
export function sizeOf(shape: Shape): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/**
 * Row-major (C order) strides, in elements.
 * @example
 * ```ts
 * stridesOf([2, 3, 4]); // [12, 4, 1]
 * ```
 * @category Tensors
 */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i]!;
  }
  return strides;
}

/**
 * Checks that `shape` is an array of non-negative integers and returns a copy of it.
 * @example
 * ```ts
 * checkShape('zeros', 'shape', [2, 0, 3]); // [2, 0, 3]
 * checkShape('zeros', 'shape', [2, 1.5]);  // throws ArgumentError
 * ```
 * @throws An {@link "@nn/tensor".index.ArgumentError | ArgumentError} naming `op` and `arg` otherwise.
 * @category Tensors
 */
export function checkShape(op: string, arg: string, shape: unknown): number[] {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || (d as number) < 0)) {
    throw new ArgumentError({
      op,
      arg,
      expected: 'an array of non-negative integers',
      got: Array.isArray(shape) ? `[${shape.join(',')}]` : String(shape),
    });
  }
  return [...(shape as number[])];
}

/**
 * The NumPy broadcast of several shapes: shapes are right-aligned and each dimension must be
 * equal or 1.
 *
 * @example
 * ```ts
 * broadcastShapes('add', [3, 1], [4]); // [3, 4]
 * ```
 * @throws An {@link "@nn/tensor".index.ShapeError | ShapeError} naming the op and both shapes when they cannot broadcast.
 * @category Tensors
 */
export function broadcastShapes(op: string, ...shapes: Shape[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const shape of shapes) {
    const offset = rank - shape.length;
    for (let i = 0; i < shape.length; i++) {
      const d = shape[i]!;
      const o = out[offset + i]!;
      if (o === d || d === 1) continue;
      if (o === 1) {
        out[offset + i] = d;
        continue;
      }
      throw new ShapeError({
        op,
        expected: 'shapes that broadcast (each dimension equal, or 1)',
        got: shapes.map(formatShape).join(' and '),
      });
    }
  }
  return out;
}

/**
 * True when two shapes are equal element by element.
 * @example
 * ```ts
 * shapesEqual([2, 3], [2, 3]); // true
 * shapesEqual([2, 3], [3, 2]); // false
 * shapesEqual([], [1]);        // false
 * ```
 * @category Tensors
 */
export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Turns a possibly negative axis into an index in `[0, rank)`.
 * @example
 * ```ts
 * normalizeAxis('sum', 'dim', -1, 3); // 2
 * normalizeAxis('sum', 'dim', 3, 3);  // throws IndexError
 * ```
 * @throws An {@link "@nn/tensor".index.IndexError | IndexError} when the axis is out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when not an integer.
 * @category Tensors
 */
export function normalizeAxis(op: string, arg: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis)) {
    throw new ArgumentError({ op, arg, expected: 'an integer axis', got: String(axis) });
  }
  if (axis < -Math.max(rank, 1) || axis >= Math.max(rank, 1)) {
    throw new IndexError({
      op,
      arg,
      expected: `an axis in [${-Math.max(rank, 1)}, ${Math.max(rank, 1) - 1}] for a rank-${rank} tensor`,
      got: String(axis),
    });
  }
  return axis < 0 ? axis + Math.max(rank, 1) : axis;
}

/**
 * Normalises one axis, several axes, or `undefined` (all axes) into sorted unique indices.
 * @example
 * ```ts
 * normalizeAxes('sum', 'dim', [-1, 0], 3);   // [0, 2]
 * normalizeAxes('sum', 'dim', undefined, 3); // [0, 1, 2]
 * normalizeAxes('sum', 'dim', [1, -2], 3);   // throws ArgumentError (dim 1 twice)
 * ```
 * @throws An {@link "@nn/tensor".index.ArgumentError | ArgumentError} when an axis repeats.
 * @category Tensors
 */
export function normalizeAxes(
  op: string,
  arg: string,
  axes: number | readonly number[] | undefined,
  rank: number,
): number[] {
  if (axes === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axes === 'number' ? [axes] : axes;
  const out = list.map((a) => normalizeAxis(op, arg, a, rank));
  if (new Set(out).size !== out.length) {
    throw new ArgumentError({ op, arg, expected: 'distinct axes', got: `[${list.join(',')}]` });
  }
  return out.sort((a, b) => a - b);
}
