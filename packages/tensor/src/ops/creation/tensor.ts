import type { DType, TypedArray } from '../../dtype.js';
import { allocate } from '../../dtype.js';
import { fromValues } from '../../engine/engine.js';
import { ArgumentError, ShapeError } from '../../errors.js';
import type { Shape } from '../../shape.js';
import { checkShape, formatShape, sizeOf } from '../../shape.js';
import type { NestedArray, Tensor } from '../../tensor.js';
import { checkDType, describe } from '../operands.js';

/** Options of tensor creation. @category Creation */
export interface CreationOptions {
  /** Element type; `float32` unless the data are booleans. */
  dtype?: DType;
}

function inferShape(data: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0]!;
  }
  return shape;
}

function flatten(data: NestedArray, shape: Shape, out: number[], dim: number, path: string): void {
  if (dim === shape.length) {
    if (typeof data === 'number') out.push(data);
    else if (typeof data === 'boolean') out.push(data ? 1 : 0);
    else throw new ArgumentError({ op: 'tensor', arg: `data${path}`, expected: 'a number or boolean', got: describe(data) });
    return;
  }
  if (!Array.isArray(data) || data.length !== shape[dim]) {
    throw new ShapeError({
      op: 'tensor',
      arg: `data${path}`,
      expected: `an array of length ${shape[dim]} (nested data must be rectangular, shape ${formatShape(shape)})`,
      got: describe(data),
    });
  }
  for (let i = 0; i < data.length; i++) flatten(data[i]!, shape, out, dim + 1, `${path}[${i}]`);
}

function firstLeaf(data: NestedArray): unknown {
  let level: unknown = data;
  while (Array.isArray(level)) level = level[0];
  return level;
}

/**
 * Creates a tensor from nested arrays, a scalar, or a typed array (with `shape`).
 *
 * @param data - nested numbers/booleans (shape inferred), or a flat typed array.
 * @param options - `dtype` (float32 unless the data are booleans) and `shape` (required for flat data
 *   that is not 1-D).
 * @example
 * ```ts
 * tensor([[1, 2], [3, 4]]).shape;                       // [2, 2]
 * tensor([true, false]).dtype;                          // 'bool'
 * tensor(new Int32Array([1, 2, 3, 4]), { shape: [2, 2] }).dtype; // 'int32'
 * ```
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} for ragged nested arrays or a `shape` whose size differs from the data.
 * @category Creation
 */
export function tensor(data: NestedArray | TypedArray, options: CreationOptions & { shape?: Shape } = {}): Tensor {
  if (ArrayBuffer.isView(data)) {
    const typed = data as TypedArray;
    const natural: DType =
      typed instanceof Float64Array ? 'float64' : typed instanceof Int32Array ? 'int32' : typed instanceof Uint8Array ? 'bool' : 'float32';
    const dtype = checkDType('tensor', options.dtype, natural);
    const shape = options.shape === undefined ? [typed.length] : checkShape('tensor', 'shape', options.shape);
    if (sizeOf(shape) !== typed.length) {
      throw new ShapeError({ op: 'tensor', arg: 'shape', expected: `a shape of ${typed.length} elements`, got: `${formatShape(shape)} (${sizeOf(shape)} elements)` });
    }
    const values = allocate(dtype, typed.length);
    values.set(typed);
    return fromValues(values, shape, dtype);
  }
  const shape = inferShape(data);
  const flat: number[] = [];
  flatten(data, shape, flat, 0, '');
  const dtype = checkDType('tensor', options.dtype, typeof firstLeaf(data) === 'boolean' ? 'bool' : 'float32');
  if (options.shape !== undefined) {
    const wanted = checkShape('tensor', 'shape', options.shape);
    if (sizeOf(wanted) !== flat.length) {
      throw new ShapeError({ op: 'tensor', arg: 'shape', expected: `a shape of ${flat.length} elements`, got: formatShape(wanted) });
    }
    shape.splice(0, shape.length, ...wanted);
  }
  const values = allocate(dtype, flat.length);
  for (let i = 0; i < flat.length; i++) values[i] = dtype === 'bool' ? (flat[i] !== 0 ? 1 : 0) : flat[i]!;
  return fromValues(values, shape, dtype);
}

/**
 * A 0-d tensor.
 * @example
 * ```ts
 * scalar(3).item(); // 3
 * ```
 * @category Creation
 */
export function scalar(value: number | boolean, options: CreationOptions = {}): Tensor {
  return tensor(value, options);
}
