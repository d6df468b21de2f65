import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';
import { absGrad } from './abs.grad.js';
import { addGrad } from './add.grad.js';
import { castGrad } from './cast.grad.js';
import { ceilGrad } from './ceil.grad.js';
import { cosGrad } from './cos.grad.js';
import { divGrad } from './div.grad.js';
import { erfGrad } from './erf.grad.js';
import { expGrad } from './exp.grad.js';
import { expm1Grad } from './expm1.grad.js';
import { floorGrad } from './floor.grad.js';
import { log1pGrad } from './log1p.grad.js';
import { logGrad } from './log.grad.js';
import { maximumGrad } from './maximum.grad.js';
import { minimumGrad } from './minimum.grad.js';
import { mulGrad } from './mul.grad.js';
import { negGrad } from './neg.grad.js';
import { powGrad } from './pow.grad.js';
import { reciprocalGrad } from './reciprocal.grad.js';
import { reluGrad } from './relu.grad.js';
import { roundGrad } from './round.grad.js';
import { rsqrtGrad } from './rsqrt.grad.js';
import { sigmoidGrad } from './sigmoid.grad.js';
import { signGrad } from './sign.grad.js';
import { sinGrad } from './sin.grad.js';
import { sqrtGrad } from './sqrt.grad.js';
import { subGrad } from './sub.grad.js';
import { tanhGrad } from './tanh.grad.js';
import { whereGrad } from './where.grad.js';

/** Gradient rules of the elementwise primitives. */
export const elementwiseGradients: { readonly [K in OpName]?: GradRule<K> } = {
  Neg: negGrad,
  Abs: absGrad,
  Sign: signGrad,
  Exp: expGrad,
  Log: logGrad,
  Log1p: log1pGrad,
  Expm1: expm1Grad,
  Sqrt: sqrtGrad,
  Rsqrt: rsqrtGrad,
  Reciprocal: reciprocalGrad,
  Sin: sinGrad,
  Cos: cosGrad,
  Tanh: tanhGrad,
  Sigmoid: sigmoidGrad,
  Relu: reluGrad,
  Erf: erfGrad,
  Floor: floorGrad,
  Ceil: ceilGrad,
  Round: roundGrad,
  Cast: castGrad,
  Add: addGrad,
  Sub: subGrad,
  Mul: mulGrad,
  Div: divGrad,
  Pow: powGrad,
  Maximum: maximumGrad,
  Minimum: minimumGrad,
  Where: whereGrad,
};

const BOOL_RESULT = 'its output is bool (a comparison result), which carries no gradient';
const LOGICAL = 'it combines bool tensors into a bool result; neither carries a gradient';

/** Elementwise primitives without a gradient, with the reason. */
export const elementwiseNonDifferentiable: { readonly [K in OpName]?: string } = {
  IsNaN: 'its output is bool (a NaN test), which carries no gradient',
  IsFinite: 'its output is bool (a finiteness test), which carries no gradient',
  LogicalNot: 'it maps a bool tensor to a bool tensor; neither carries a gradient',
  Equal: BOOL_RESULT,
  NotEqual: BOOL_RESULT,
  Less: BOOL_RESULT,
  LessEqual: BOOL_RESULT,
  Greater: BOOL_RESULT,
  GreaterEqual: BOOL_RESULT,
  LogicalAnd: LOGICAL,
  LogicalOr: LOGICAL,
};
