import { ArgumentError, DTypeError, IndexError, ShapeError } from '../../errors.js';
import { formatShape, normalizeAxes, normalizeAxis, sizeOf } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { describe } from '../operands.js';

/** Checks that `value` is an integer (optionally at least `min`). @internal */
export function checkInt(op: string, arg: string, value: unknown, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const what = min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : 'an integer';
    throw new ArgumentError({
      op,
      arg,
      expected: what,
      got: typeof value === 'number' ? String(value) : describe(value),
    });
  }
  return value;
}

/** Checks that `value` is an array of integers (each at least `min`) and returns a copy. @internal */
export function checkIntList(op: string, arg: string, value: unknown, min = -Infinity): number[] {
  const ok = Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= min);
  if (!ok) {
    const what = min === 0 ? 'non-negative integers' : min === -1 ? 'integers ≥ -1' : 'integers';
    throw new ArgumentError({
      op,
      arg,
      expected: `an array of ${what}`,
      got: Array.isArray(value) ? `[${value.map(String).join(',')}]` : describe(value),
    });
  }
  return [...(value as number[])];
}

/**
 * Resolves a target shape with at most one `-1` against `size` elements.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for entries below -1 or several -1; {@link "@nn/tensor".index.ShapeError | ShapeError} when the
 *   sizes differ (the message shows both shapes).
 * @internal
 */
export function resolveShape(op: string, x: Tensor, shape: unknown): number[] {
  const dims = checkIntList(op, 'shape', shape, -1);
  const free = dims.indexOf(-1);
  if (free !== dims.lastIndexOf(-1)) {
    throw new ArgumentError({ op, arg: 'shape', expected: 'at most one -1', got: formatShape(dims) });
  }
  const mismatch = (): ShapeError =>
    new ShapeError({
      op,
      arg: 'shape',
      expected: `a shape of ${x.size} elements (input shape ${formatShape(x.shape)})`,
      got: formatShape(dims),
    });
  if (free === -1) {
    if (sizeOf(dims) !== x.size) throw mismatch();
    return dims;
  }
  let known = 1;
  for (let i = 0; i < dims.length; i++) if (i !== free) known *= dims[i]!;
  if (known === 0 || x.size % known !== 0) {
    if (known === 0) {
      throw new ShapeError({
        op,
        arg: 'shape',
        expected: `a shape whose -1 can be inferred (input shape ${formatShape(x.shape)})`,
        got: `${formatShape(dims)}, where -1 could be any size`,
      });
    }
    throw mismatch();
  }
  dims[free] = x.size / known;
  return dims;
}

/** Normalises a dim of a tensor that must have at least one dimension. @internal */
export function dimOf(op: string, arg: string, x: Tensor, dim: unknown): number {
  if (x.rank === 0) {
    throw new ShapeError({ op, arg: 'x', expected: 'a tensor with at least one dimension', got: 'a 0-d tensor' });
  }
  return normalizeAxis(op, arg, checkInt(op, arg, dim), x.rank);
}

/** Shape with dim `axis` replaced by `size`. @internal */
export function withDim(shape: readonly number[], axis: number, size: number): number[] {
  const out = [...shape];
  out[axis] = size;
  return out;
}

/** Throws the IndexError of a selected position outside a dim. @internal */
export function positionOutOfRange(op: string, arg: string, value: number, size: number): IndexError {
  return new IndexError({
    op,
    arg,
    expected: `a position in [${-size}, ${size - 1}] for a dim of size ${size}`,
    got: String(value),
  });
}

/**
 * Normalises a dim or list of dims (sorted, unique) after checking its type.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for anything but an integer or an array of integers, or a repeated
 *   dim; {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @internal
 */
export function dimsOf(op: string, arg: string, dims: unknown, rank: number): number[] {
  if (typeof dims === 'number') return normalizeAxes(op, arg, checkInt(op, arg, dims), rank);
  return normalizeAxes(op, arg, checkIntList(op, arg, dims), rank);
}

/**
 * The target of `expand`/`broadcastTo`: right-aligned, each dim of `x` kept (`-1` or equal) or
 * stretched from 1, new leading dims any non-negative size.
 * @internal
 */
export function expandShape(op: string, x: Tensor, shape: unknown): number[] {
  const dims = checkIntList(op, 'shape', shape, -1);
  const lead = dims.length - x.rank;
  const fail = (): ShapeError =>
    new ShapeError({
      op,
      arg: 'shape',
      expected: `a shape that ${formatShape(x.shape)} broadcasts to (each dim equal, or 1 in the input)`,
      got: formatShape(dims),
    });
  if (lead < 0) throw fail();
  for (let i = 0; i < dims.length; i++) {
    if (i < lead) {
      if (dims[i] === -1) {
        throw new ArgumentError({ op, arg: 'shape', expected: 'no -1 in a new leading dim', got: formatShape(dims) });
      }
      continue;
    }
    const own = x.shape[i - lead]!;
    if (dims[i] === -1) dims[i] = own;
    else if (own !== dims[i] && own !== 1) throw fail();
  }
  return dims;
}

/** Checks that an index tensor is int32. @internal */
export function checkIndexDType(op: string, arg: string, index: Tensor): void {
  if (index.dtype !== 'int32') {
    throw new DTypeError({ op, arg, expected: 'an int32 index tensor', got: `dtype ${index.dtype}` });
  }
}
