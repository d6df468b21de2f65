import type { KernelTable } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { erf, sigmoid, tanh } from './activation.js';
import { abs, neg, reciprocal, relu, rsqrt, sign, sqrt } from './arithmetic.js';
import { add, div, maximum, minimum, mul, sub } from './arithmetic-binary.js';
import { cast } from './cast.js';
import { equal, greater, greaterEqual, less, lessEqual, logicalAnd, logicalOr, notEqual } from './compare.js';
import { exp, expm1, log, log1p } from './exp-log.js';
import { pow } from './pow.js';
import { isFinite, isNaN, logicalNot } from './predicates.js';
import { ceil, floor, round } from './rounding.js';
import { cos, sin } from './trig.js';
import { where } from './where.js';

/** The elementwise kernels: every unary and binary elementwise primitive, `Cast` and `Where`. */
export const ELEMENTWISE_KERNELS: Partial<KernelTable<GpuJsBackend>> = {
  Neg: neg,
  Abs: abs,
  Sign: sign,
  Exp: exp,
  Log: log,
  Log1p: log1p,
  Expm1: expm1,
  Sqrt: sqrt,
  Rsqrt: rsqrt,
  Reciprocal: reciprocal,
  Sin: sin,
  Cos: cos,
  Tanh: tanh,
  Sigmoid: sigmoid,
  Relu: relu,
  Erf: erf,
  Floor: floor,
  Ceil: ceil,
  Round: round,
  IsNaN: isNaN,
  IsFinite: isFinite,
  LogicalNot: logicalNot,
  Cast: cast,
  Add: add,
  Sub: sub,
  Mul: mul,
  Div: div,
  Pow: pow,
  Maximum: maximum,
  Minimum: minimum,
  Equal: equal,
  NotEqual: notEqual,
  Less: less,
  LessEqual: lessEqual,
  Greater: greater,
  GreaterEqual: greaterEqual,
  LogicalAnd: logicalAnd,
  LogicalOr: logicalOr,
  Where: where,
};
