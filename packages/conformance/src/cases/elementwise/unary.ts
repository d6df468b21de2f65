// Case tables of the unary elementwise primitives.
import {
  abs,
  ceil,
  cos,
  erf,
  exp,
  expm1,
  floor,
  isFinite as isFiniteOp,
  isNaN as isNaNOp,
  log,
  log1p,
  logicalNot,
  neg,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  sqrt,
  tanh,
  type DType,
} from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import { bit, refErf, refRound, refSigmoid } from './reference-math.js';
import { FLOAT_EXTREMES, unaryTable } from './shared.js';

/** Float math: int32 and bool inputs are computed in float32. */
const toFloat = (dtype: DType): DType => (dtype === 'float64' ? 'float64' : 'float32');
/** Ops that keep any dtype. */
const same = (dtype: DType): DType => dtype;
/** Ops that answer with bool. */
const toBool = (): DType => 'bool';

/** Values near 0 where log1p/expm1 must not lose digits. */
const NEAR_ZERO = [1e-7, -1e-7, 1e-12, -1e-12, 3e-5, -3e-5];

/** Tables of the unary primitives (Neg … LogicalNot). */
export const unaryCases: readonly CaseTable[] = [
  unaryTable({
    op: 'Neg',
    run: neg,
    ref: (x) => -x,
    out: (d) => (d === 'bool' ? null : d),
  }),
  unaryTable({ op: 'Abs', run: abs, ref: Math.abs, out: same }),
  unaryTable({ op: 'Sign', run: sign, ref: Math.sign, out: same }),
  unaryTable({ op: 'Exp', run: exp, ref: Math.exp, out: toFloat, range: [-10, 10] }),
  unaryTable({ op: 'Log', run: log, ref: Math.log, out: toFloat, range: [0, 5] }),
  unaryTable({
    op: 'Log1p',
    run: log1p,
    ref: Math.log1p,
    out: toFloat,
    range: [-0.9, 3],
    extremes: [...FLOAT_EXTREMES, ...NEAR_ZERO],
  }),
  unaryTable({
    op: 'Expm1',
    run: expm1,
    ref: Math.expm1,
    out: toFloat,
    range: [-3, 3],
    extremes: [...FLOAT_EXTREMES, ...NEAR_ZERO],
  }),
  unaryTable({ op: 'Sqrt', run: sqrt, ref: Math.sqrt, out: toFloat, range: [0, 10] }),
  unaryTable({ op: 'Rsqrt', run: rsqrt, ref: (x) => 1 / Math.sqrt(x), out: toFloat, range: [0.01, 10] }),
  unaryTable({ op: 'Reciprocal', run: reciprocal, ref: (x) => 1 / x, out: toFloat }),
  unaryTable({ op: 'Sin', run: sin, ref: Math.sin, out: toFloat, range: [-7, 7] }),
  unaryTable({ op: 'Cos', run: cos, ref: Math.cos, out: toFloat, range: [-7, 7] }),
  unaryTable({ op: 'Tanh', run: tanh, ref: Math.tanh, out: toFloat, range: [-5, 5] }),
  unaryTable({ op: 'Sigmoid', run: sigmoid, ref: refSigmoid, out: toFloat, range: [-12, 12] }),
  unaryTable({ op: 'Relu', run: relu, ref: (x) => (Number.isNaN(x) ? x : Math.max(x, 0)), out: same }),
  unaryTable({
    op: 'Erf',
    run: erf,
    ref: refErf,
    out: toFloat,
    range: [-4, 4],
    extremes: [...FLOAT_EXTREMES, 0.1, 0.25, 0.47, 1.2, 2.9, 3.1, 5.9, 6.1, -4.4],
  }),
  unaryTable({ op: 'Floor', run: floor, ref: Math.floor, out: same, range: [-5, 5] }),
  unaryTable({ op: 'Ceil', run: ceil, ref: Math.ceil, out: same, range: [-5, 5] }),
  unaryTable({
    op: 'Round',
    run: round,
    ref: refRound,
    out: same,
    range: [-5, 5],
    extremes: [...FLOAT_EXTREMES, 0.49999997, 3.5, -3.5, 4.5, -4.5, 1e7 + 0.5, 8388609],
  }),
  unaryTable({ op: 'IsNaN', run: isNaNOp, ref: (x) => bit(Number.isNaN(x)), out: toBool }),
  unaryTable({ op: 'IsFinite', run: isFiniteOp, ref: (x) => bit(Number.isFinite(x)), out: toBool }),
  unaryTable({ op: 'LogicalNot', run: logicalNot, ref: (x) => bit(x === 0), out: toBool }),
];
