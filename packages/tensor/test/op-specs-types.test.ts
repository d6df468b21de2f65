import { describe, expect, it } from 'vitest';
import type { BinarySpec, OpsWithSpec, UnarySpec } from '../src/backend.js';
import { OP_NAMES } from '../src/backend.js';

// Compile-time checks: `OpsWithSpec` picks exactly the primitives of one spec shape.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const unary: Equal<
  OpsWithSpec<UnarySpec>,
  | 'Neg'
  | 'Abs'
  | 'Sign'
  | 'Exp'
  | 'Log'
  | 'Log1p'
  | 'Expm1'
  | 'Sqrt'
  | 'Rsqrt'
  | 'Reciprocal'
  | 'Sin'
  | 'Cos'
  | 'Tanh'
  | 'Sigmoid'
  | 'Relu'
  | 'Erf'
  | 'Floor'
  | 'Ceil'
  | 'Round'
  | 'IsNaN'
  | 'IsFinite'
  | 'LogicalNot'
> = true;
const binary: Equal<
  OpsWithSpec<BinarySpec>,
  | 'Add'
  | 'Sub'
  | 'Mul'
  | 'Div'
  | 'Pow'
  | 'Maximum'
  | 'Minimum'
  | 'Equal'
  | 'NotEqual'
  | 'Less'
  | 'LessEqual'
  | 'Greater'
  | 'GreaterEqual'
  | 'LogicalAnd'
  | 'LogicalOr'
> = true;

describe('OpsWithSpec', () => {
  it('selects the unary and binary primitives exactly (checked by the compiler)', () => {
    expect([unary, binary]).toEqual([true, true]);
    expect(OP_NAMES.length).toBe(68);
  });
});
