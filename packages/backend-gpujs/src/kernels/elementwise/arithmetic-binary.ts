import type { DType } from '@nn/tensor';
import { binaryKernel } from './binary.js';
import type { BodyLike } from './elementwise.js';
import { wrapInt32 } from './snippets.js';

/** `expression` of `a` and `b`; for int32, wrapped into the int32 range as 32-bit integers wrap. */
function arithmetic(expression: string, boolExpression: string): (dtype: DType) => BodyLike {
  return (dtype) =>
    dtype === 'int32'
      ? { statements: wrapInt32('w', expression), result: 'w' }
      : dtype === 'bool'
        ? boolExpression
        : expression;
}

/** `Add`: `a + b`, broadcasting (logical or for bool; int32 wraps). */
export const add = binaryKernel('Add', arithmetic('a + b', 'a + b > 0 ? 1 : 0'));

/** `Sub`: `a - b`, broadcasting (exclusive or for bool, which the public `sub` rejects; int32 wraps). */
export const sub = binaryKernel('Sub', arithmetic('a - b', 'a == b ? 0 : 1'));

/** `Mul`: `a * b`, broadcasting (logical and for bool; int32 wraps, exactly within 2^24). */
export const mul = binaryKernel('Mul', arithmetic('a * b', 'a * b'));

/** `Div`: `a / b`, broadcasting (the public `div` sends float inputs only). */
export const div = binaryKernel('Div', 'a / b');

/**
 * `Maximum`: the larger of `a` and `b`, NaN if either is NaN (GLSL and WGSL `max` drop NaN), broadcasting.
 */
export const maximum = binaryKernel('Maximum', '(a == a && b == b) ? (a >= b ? a : b) : a + b');

/** `Minimum`: the smaller of `a` and `b`, NaN if either is NaN, broadcasting. */
export const minimum = binaryKernel('Minimum', '(a == a && b == b) ? (a <= b ? a : b) : a + b');
