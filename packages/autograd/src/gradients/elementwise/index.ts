import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';
import { addGrad } from './add.grad.js';
import { mulGrad } from './mul.grad.js';

/** Gradient rules of the elementwise primitives. */
export const elementwiseGradients: { readonly [K in OpName]?: GradRule<K> } = {
  Add: addGrad,
  Mul: mulGrad,
};

/** elementwise primitives without a gradient, with the reason. */
export const elementwiseNonDifferentiable: { readonly [K in OpName]?: string } = {};
