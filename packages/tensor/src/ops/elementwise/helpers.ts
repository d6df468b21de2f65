// Shared plumbing of the elementwise ops (internal; not exported from the package).
import type { DType } from '../../dtype.js';
import type { BinarySpec, OpsWithSpec } from '../../kernels/op-specs.js';
import { isFloat } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ArgumentError } from '../../errors.js';
import { broadcastShapes } from '../../shape.js';
import { Tensor } from '../../tensor.js';
import { castTo, checkTensor, commonOperands, describe, scalarTensor, type TensorLike } from '../operands.js';

/** Unary primitives that compute in float and keep the (float) dtype. */
export type FloatUnaryOp =
  'Exp' | 'Log' | 'Log1p' | 'Expm1' | 'Sqrt' | 'Rsqrt' | 'Reciprocal' | 'Sin' | 'Cos' | 'Tanh' | 'Sigmoid' | 'Erf';

/** Unary primitives that accept every dtype. */
export type AnyUnaryOp =
  'Neg' | 'Abs' | 'Sign' | 'Relu' | 'Floor' | 'Ceil' | 'Round' | 'IsNaN' | 'IsFinite' | 'LogicalNot';

/** Binary primitives with `a` and `b` inputs of one dtype. */
export type BinaryOp = OpsWithSpec<BinarySpec>;

/** `x` itself when it is a float tensor, else `x` cast to float32. */
export function floatTensor(x: Tensor): Tensor {
  return isFloat(x.dtype) ? x : runKernel('Cast', { x }, { dtype: 'float32' });
}

/** Public unary math: checks `x`, casts int/bool to float32, runs `kernel`. */
export function floatUnary(op: string, kernel: FloatUnaryOp, x: Tensor): Tensor {
  checkTensor(op, 'x', x);
  if (isFloat(x.dtype)) return runKernel(kernel, { x }, {});
  return tidy(() => runKernel(kernel, { x: floatTensor(x) }, {}));
}

/** Public unary op on any dtype: checks `x` and runs `kernel` on it as it is. */
export function anyUnary(op: string, kernel: AnyUnaryOp, x: Tensor): Tensor {
  checkTensor(op, 'x', x);
  return runKernel(kernel, { x }, {});
}

/**
 * Public binary op: checks both operands, brings them to their common dtype (see
 * `commonOperands`), then to `computeIn(common)` when given, checks that the shapes broadcast and
 * runs `kernel`. Temporaries (scalar tensors, casts) are freed by a `tidy`.
 */
export function binary(
  op: string,
  kernel: BinaryOp,
  a: TensorLike,
  b: TensorLike,
  computeIn?: (common: DType) => DType,
): Tensor {
  if (
    a instanceof Tensor &&
    b instanceof Tensor &&
    a.dtype === b.dtype &&
    (computeIn === undefined || computeIn(a.dtype) === a.dtype)
  ) {
    checkTensor(op, 'a', a);
    checkTensor(op, 'b', b);
    broadcastShapes(op, a.shape, b.shape);
    return runKernel(kernel, { a, b }, {});
  }
  return tidy(() => {
    let [ta, tb] = commonOperands(op, a, b);
    broadcastShapes(op, ta.shape, tb.shape);
    if (computeIn !== undefined) {
      const dtype = computeIn(ta.dtype);
      ta = castTo(ta, dtype);
      tb = castTo(tb, dtype);
    }
    return runKernel(kernel, { a: ta, b: tb }, {});
  });
}

/** Checks a plain-number option, e.g. a slope or a bound. */
export function checkNumber(op: string, arg: string, value: unknown, finite = false): number {
  if (typeof value !== 'number' || (finite && !Number.isFinite(value))) {
    throw new ArgumentError({ op, arg, expected: finite ? 'a finite number' : 'a number', got: describe(value) });
  }
  return value;
}

/** A TensorLike as a bool tensor: tensors are cast (`x !== 0`), scalars become 0-d bool tensors. */
export function boolOperand(op: string, arg: string, x: TensorLike): Tensor {
  if (x instanceof Tensor) return castTo(checkTensor(op, arg, x), 'bool');
  if (typeof x !== 'number' && typeof x !== 'boolean') {
    throw new ArgumentError({ op, arg, expected: 'a Tensor, number or boolean', got: describe(x) });
  }
  return scalarTensor(x !== 0 && x !== false, 'bool');
}
