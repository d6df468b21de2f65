import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';
import { sumGrad } from './sum.grad.js';

/** Gradient rules of the reduce primitives. */
export const reduceGradients: { readonly [K in OpName]?: GradRule<K> } = {
  Sum: sumGrad,
};

/** reduce primitives without a gradient, with the reason. */
export const reduceNonDifferentiable: { readonly [K in OpName]?: string } = {};
