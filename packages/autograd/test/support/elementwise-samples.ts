// Shared samples for the elementwise-group gradient tests.
import {
  abs,
  add,
  ceil,
  cos,
  div,
  erf,
  exp,
  expm1,
  floor,
  log,
  log1p,
  maximum,
  minimum,
  mul,
  neg,
  pow,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  sqrt,
  sub,
  sum,
  tanh,
  tensor,
  type Tensor,
} from '@nn/tensor';
import { grad } from '../../src/index.js';

export const f64 = (data: number | number[] | number[][] | number[][][]): Tensor => tensor(data, { dtype: 'float64' });
export const i32 = (data: number[] | number[][]): Tensor => tensor(data, { dtype: 'int32' });
export const bools = (data: boolean[] | boolean[][]): Tensor => tensor(data, { dtype: 'bool' });

export type Fn = (...xs: Tensor[]) => Tensor;
export interface Case {
  name: string;
  f: Fn;
  inputs: () => Tensor[];
  options?: { eps?: number; atol?: number; rtol?: number };
}

/** Sample values with no kinks near them: away from 0, from integers and from half-integers. */
export const MIXED = [
  [0.3, -1.2, 0.7],
  [1.9, -0.45, 2.6],
];
export const POSITIVE = [
  [0.3, 1.2, 0.7],
  [1.9, 0.45, 2.6],
];
export const ABOVE_MINUS_ONE = [
  [0.3, -0.6, 0.7],
  [1.9, -0.45, 2.6],
];
export const ODD = [[[0.35]], [[-0.8]], [[1.3]]]; // shape [3, 1, 1]

/** Every unary primitive of the group through its public op, with a domain where it is smooth. */
export const UNARY: readonly [string, (x: Tensor) => Tensor, number[][], number][] = [
  ['neg', neg, MIXED, -0.3],
  ['abs', abs, MIXED, -0.3],
  ['sign', sign, MIXED, 0.4],
  ['exp', exp, MIXED, 0.4],
  ['log', log, POSITIVE, 0.4],
  ['log1p', log1p, ABOVE_MINUS_ONE, -0.4],
  ['expm1', expm1, MIXED, 0.4],
  ['sqrt', sqrt, POSITIVE, 0.4],
  ['rsqrt', rsqrt, POSITIVE, 0.4],
  ['reciprocal', reciprocal, MIXED, -0.4],
  ['sin', sin, MIXED, 0.4],
  ['cos', cos, MIXED, 0.4],
  ['tanh', tanh, MIXED, 0.4],
  ['sigmoid', sigmoid, MIXED, -0.4],
  ['relu', relu, MIXED, 0.4],
  ['erf', erf, MIXED, -0.4],
  ['floor', floor, MIXED, 0.4],
  ['ceil', ceil, MIXED, 0.4],
  ['round', round, MIXED, 0.3],
];

export const BINARY: readonly [string, (a: Tensor | number, b: Tensor | number) => Tensor][] = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div],
  ['pow', pow],
  ['maximum', maximum],
  ['minimum', minimum],
];

// Operands for the binary ops: a > 0 everywhere (pow's exponent gradient needs log a), no ties.
export const A = [
  [0.6, 1.3, 2.1],
  [0.9, 1.7, 0.35],
];
export const B = [
  [1.1, -0.7, 0.45],
  [1.6, 0.8, -1.4],
];

/** The gradient of `sum(f(x))` at `x`, as a plain array. */
export const gradOfSum = (f: (x: Tensor) => Tensor, x: Tensor): unknown => grad((t: Tensor) => sum(f(t)))(x).toArray();
