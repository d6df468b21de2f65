import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';
import { cumsumGrad } from './cumsum.grad.js';
import { logSoftmaxGrad } from './log-softmax.grad.js';
import { maxGrad } from './max.grad.js';
import { minGrad } from './min.grad.js';
import { prodGrad } from './prod.grad.js';
import { softmaxGrad } from './softmax.grad.js';
import { sumGrad } from './sum.grad.js';

/** Gradient rules of the reduce primitives. */
export const reduceGradients: { readonly [K in OpName]?: GradRule<K> } = {
  Sum: sumGrad,
  Prod: prodGrad,
  Max: maxGrad,
  Min: minGrad,
  Cumsum: cumsumGrad,
  Softmax: softmaxGrad,
  LogSoftmax: logSoftmaxGrad,
};

/** reduce primitives without a gradient, with the reason. */
export const reduceNonDifferentiable: { readonly [K in OpName]?: string } = {
  All: 'returns a bool tensor (logical AND of the reduced slice); no real-valued derivative exists',
  Any: 'returns a bool tensor (logical OR of the reduced slice); no real-valued derivative exists',
  ArgMax: 'returns int32 indices of the maxima; an index is piecewise constant and not a differentiable value',
  ArgMin: 'returns int32 indices of the minima; an index is piecewise constant and not a differentiable value',
};
