import type { DType } from '../../dtype.js';
import { allocate } from '../../dtype.js';
import { fromValues } from '../../engine/engine.js';
import { ArgumentError } from '../../errors.js';
import type { Shape } from '../../shape.js';
import { checkShape, sizeOf } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkDType, checkTensor } from '../operands.js';
import type { CreationOptions } from './tensor.js';

/**
 * A tensor of `shape` with every element equal to `value`.
 * @example
 * ```ts
 * full([2, 2], 7).toArray(); // [[7, 7], [7, 7]]
 * ```
 * @category Creation
 */
export function full(shape: Shape, value: number | boolean, options: CreationOptions = {}): Tensor {
  const dims = checkShape('full', 'shape', shape);
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ArgumentError({ op: 'full', arg: 'value', expected: 'a number or boolean', got: typeof value });
  }
  const dtype = checkDType('full', options.dtype, typeof value === 'boolean' ? 'bool' : 'float32');
  const values = allocate(dtype, sizeOf(dims));
  const v = Number(value);
  if (v !== 0) values.fill(dtype === 'bool' ? 1 : v);
  return fromValues(values, dims, dtype);
}

/**
 * A tensor of zeros.
 * @example
 * ```ts
 * zeros([2, 3]).shape; // [2, 3]
 * ```
 * @category Creation
 */
export function zeros(shape: Shape, options: CreationOptions = {}): Tensor {
  return full(shape, 0, { dtype: options.dtype ?? 'float32' });
}

/**
 * A tensor of ones.
 * @example
 * ```ts
 * ones([3]).toArray(); // [1, 1, 1]
 * ```
 * @category Creation
 */
export function ones(shape: Shape, options: CreationOptions = {}): Tensor {
  return full(shape, 1, { dtype: options.dtype ?? 'float32' });
}

function likeDType(op: string, x: Tensor, options: CreationOptions): DType {
  checkTensor(op, 'x', x);
  return checkDType(op, options.dtype, x.dtype);
}

/**
 * Zeros with the shape (and, unless given, dtype) of `x`.
 * @example
 * ```ts
 * zerosLike(ones([2])).toArray(); // [0, 0]
 * ```
 * @category Creation
 */
export function zerosLike(x: Tensor, options: CreationOptions = {}): Tensor {
  return full(x.shape, 0, { dtype: likeDType('zerosLike', x, options) });
}

/**
 * Ones with the shape (and, unless given, dtype) of `x`.
 * @example
 * ```ts
 * onesLike(zeros([2], { dtype: 'int32' })).toArray(); // [1, 1]
 * ```
 * @category Creation
 */
export function onesLike(x: Tensor, options: CreationOptions = {}): Tensor {
  return full(x.shape, 1, { dtype: likeDType('onesLike', x, options) });
}

/**
 * `value` everywhere, with the shape (and, unless given, dtype) of `x`.
 * @example
 * ```ts
 * fullLike(zeros([2]), 5).toArray(); // [5, 5]
 * ```
 * @category Creation
 */
export function fullLike(x: Tensor, value: number | boolean, options: CreationOptions = {}): Tensor {
  return full(x.shape, value, { dtype: likeDType('fullLike', x, options) });
}
