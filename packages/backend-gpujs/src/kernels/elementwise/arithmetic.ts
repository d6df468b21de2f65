import type { DType } from '@nn/tensor';
import { type BodyLike } from './elementwise.js';
import { wrapInt32 } from './snippets.js';
import { unaryKernel } from './unary.js';

/** `expression` of `v`, wrapped into the int32 range for int32 inputs (`-(-2³¹)` is `-2³¹`). */
function wrappingForInt32(expression: string): (dtype: DType) => BodyLike {
  return (dtype) => (dtype === 'int32' ? { statements: wrapInt32('w', expression), result: 'w' } : expression);
}

/** `Neg`: `-x`; int32 wraps (`-(-2³¹) = -2³¹`); the identity on bool (which the public `neg` rejects). */
export const neg = unaryKernel('Neg', (dtype) => (dtype === 'bool' ? null : wrappingForInt32('-v')(dtype)));

/** `Abs`: `|x|`; int32 wraps (`|-2³¹| = -2³¹`, as PyTorch). */
export const abs = unaryKernel('Abs', wrappingForInt32('Math.abs(v)'));

/** `Sign`: -1, 0 or 1 by the sign of `x`; NaN stays NaN. */
export const sign = unaryKernel('Sign', 'v > 0 ? 1 : (v < 0 ? -1 : v)');

/** `Reciprocal`: `1 / x` (±∞ at ±0). */
export const reciprocal = unaryKernel('Reciprocal', '1 / v');

/** `Sqrt`: `√x` (NaN below 0; every mode's `sqrt` gives NaN there). */
export const sqrt = unaryKernel('Sqrt', 'Math.sqrt(v)');

/** `Rsqrt`: `1 / √x` (∞ at 0). */
export const rsqrt = unaryKernel('Rsqrt', '1 / Math.sqrt(v)');

/** `Relu`: `max(x, 0)`; NaN stays NaN. */
export const relu = unaryKernel('Relu', 'v < 0 ? 0 : v');
