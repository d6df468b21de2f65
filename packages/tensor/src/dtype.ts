import { DTypeError } from './errors.js';

/**
 * Element types. `float32` is the default; `float64` exists for references and gradient checks;
 * `int32` holds indices and counts; `bool` holds comparison results (stored as 0/1 bytes).
 * @category Tensors
 */
export type DType = 'float32' | 'float64' | 'int32' | 'bool';

/**
 * The storage array of each dtype.
 * @category Tensors
 */
export interface DTypeArrays {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  bool: Uint8Array;
}

/**
 * Any storage array a tensor can hold.
 * @category Tensors
 */
export type TypedArray = DTypeArrays[DType];

/** Every dtype, in promotion order. @category Tensors */
export const DTYPES: readonly DType[] = ['bool', 'int32', 'float32', 'float64'];

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/**
 * Allocates a zero-filled storage array for `size` elements of `dtype`.
 * @example
 * ```ts
 * allocate('int32', 3); // Int32Array [0, 0, 0]
 * ```
 * @category Tensors
 */
export function allocate<D extends DType>(dtype: D, size: number): DTypeArrays[D] {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size) as DTypeArrays[D];
    case 'float64':
      return new Float64Array(size) as DTypeArrays[D];
    case 'int32':
      return new Int32Array(size) as DTypeArrays[D];
    case 'bool':
      return new Uint8Array(size) as DTypeArrays[D];
    default:
      throw new DTypeError({ op: 'allocate', arg: 'dtype', expected: DTYPES.join(' | '), got: String(dtype) });
  }
}

/**
 * True for `float32` and `float64`.
 * @example
 * ```ts
 * isFloat('float64'); // true
 * isFloat('int32');   // false
 * ```
 * @category Tensors
 */
export function isFloat(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/**
 * The dtype two tensors are computed in, following one rule: `bool < int32 < float32 < float64`,
 * the result is the larger of the two.
 *
 * @example
 * ```ts
 * promoteTypes('int32', 'float32'); // 'float32'
 * promoteTypes('bool', 'int32');    // 'int32'
 * ```
 * @category Tensors
 */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The dtype a JavaScript scalar takes when combined with a tensor of dtype `other`. Scalars are
 * "weak", as in PyTorch: they never widen a float tensor. A boolean is `bool`; an integer number
 * joins an `int32`/`bool` tensor as `int32`; any other number is `float32` next to an integer
 * tensor, and takes the float tensor's own dtype next to a float tensor.
 *
 * @example
 * ```ts
 * scalarDType(2.5, 'int32');   // 'float32'
 * scalarDType(2, 'int32');     // 'int32'
 * scalarDType(2, 'float64');   // 'float64'
 * ```
 * @category Tensors
 */
export function scalarDType(value: number | boolean, other: DType): DType {
  if (typeof value === 'boolean') return other;
  if (isFloat(other)) return other;
  return Number.isInteger(value) ? 'int32' : 'float32';
}

/**
 * Checks that `dtype` is one of `allowed`, or throws a `DTypeError` naming the op and argument.
 * @example
 * ```ts
 * assertDType('gather', 'index', 'int32', ['int32']);   // passes
 * assertDType('gather', 'index', 'float32', ['int32']); // throws DTypeError
 * ```
 * @category Tensors
 */
export function assertDType(op: string, arg: string, dtype: DType, allowed: readonly DType[]): void {
  if (!allowed.includes(dtype)) {
    throw new DTypeError({ op, arg, expected: `dtype ${allowed.join(' | ')}`, got: dtype });
  }
}

/**
 * True when `value` names a dtype.
 * @example
 * ```ts
 * isDType('float32'); // true
 * isDType('int64');   // false
 * ```
 * @category Tensors
 */
export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && value in RANK;
}
