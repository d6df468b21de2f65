import type { DType } from '../dtype.js';
import { isDType, promoteTypes, scalarDType, DTYPES } from '../dtype.js';
import { fromValues, runKernel } from '../engine/engine.js';
import { allocate } from '../dtype.js';
import { ArgumentError } from '../errors.js';
import { Tensor } from '../tensor.js';

/**
 * A tensor, or a JavaScript scalar that ops treat as a 0-d tensor.
 * @category Tensors
 */
export type TensorLike = Tensor | number | boolean;

/** Checks `x` is a live `Tensor`, naming op and argument otherwise. @internal */
export function checkTensor(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) {
    throw new ArgumentError({ op, arg, expected: 'a Tensor', got: describe(x) });
  }
  x.assertAlive(op, arg);
  return x;
}

/** Describes any value for an error message. @internal */
export function describe(x: unknown): string {
  if (x instanceof Tensor) return `a ${x.dtype} tensor of shape [${x.shape.join(',')}]`;
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x === null) return 'null';
  return typeof x === 'object' ? `a ${x.constructor?.name ?? 'object'}` : `${typeof x} ${String(x)}`;
}

/** Creates a 0-d tensor holding `value`. @internal */
export function scalarTensor(value: number | boolean, dtype: DType): Tensor {
  const values = allocate(dtype, 1);
  values[0] = typeof value === 'boolean' ? Number(value) : value;
  return fromValues(values, [], dtype);
}

/** Returns `x` in `dtype`, casting only when it differs. @internal */
export function castTo(x: Tensor, dtype: DType): Tensor {
  return x.dtype === dtype ? x : runKernel('Cast', { x }, { dtype });
}

/** Checks an optional dtype option. @internal */
export function checkDType(op: string, dtype: unknown, fallback: DType): DType {
  if (dtype === undefined) return fallback;
  if (!isDType(dtype)) {
    throw new ArgumentError({ op, arg: 'dtype', expected: DTYPES.join(' | '), got: String(dtype) });
  }
  return dtype;
}

/**
 * Brings two operands to one dtype: tensors promote (`bool < int32 < float32 < float64`); a
 * JavaScript scalar is weak and adopts the tensor's dtype where it fits (see `scalarDType`).
 * @internal
 */
export function commonOperands(op: string, a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  const aIsTensor = a instanceof Tensor;
  const bIsTensor = b instanceof Tensor;
  if (aIsTensor) checkTensor(op, 'a', a);
  else checkScalar(op, 'a', a);
  if (bIsTensor) checkTensor(op, 'b', b);
  else checkScalar(op, 'b', b);
  let dtype: DType;
  if (aIsTensor && bIsTensor) dtype = promoteTypes(a.dtype, b.dtype);
  else if (aIsTensor) dtype = promoteTypes(a.dtype, scalarDType(b as number | boolean, a.dtype));
  else if (bIsTensor) dtype = promoteTypes(b.dtype, scalarDType(a as number | boolean, b.dtype));
  else dtype = typeof a === 'boolean' && typeof b === 'boolean' ? 'bool' : 'float32';
  const ta = aIsTensor ? castTo(a, dtype) : scalarTensor(a as number | boolean, dtype);
  const tb = bIsTensor ? castTo(b, dtype) : scalarTensor(b as number | boolean, dtype);
  return [ta, tb];
}

function checkScalar(op: string, arg: string, x: unknown): void {
  if (typeof x !== 'number' && typeof x !== 'boolean') {
    throw new ArgumentError({ op, arg, expected: 'a Tensor, number or boolean', got: describe(x) });
  }
}

/** Converts a TensorLike to a tensor, keeping tensors as they are and making scalars `dtype`. @internal */
export function toTensor(op: string, arg: string, x: TensorLike, dtype: DType = 'float32'): Tensor {
  if (x instanceof Tensor) return checkTensor(op, arg, x);
  checkScalar(op, arg, x);
  return scalarTensor(x, typeof x === 'boolean' && dtype === 'float32' ? 'bool' : dtype);
}
