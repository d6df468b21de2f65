import type { OpName } from '@nn/tensor/backend';
import { elementwiseGradients, elementwiseNonDifferentiable } from './elementwise/index.js';
import { linalgGradients, linalgNonDifferentiable } from './linalg/index.js';
import { movementGradients, movementNonDifferentiable } from './movement/index.js';
import { reduceGradients, reduceNonDifferentiable } from './reduce/index.js';
import type { GradRule } from './types.js';

/**
 * The gradient rule of every differentiable primitive, one file each.
 * @category Autograd
 */
export const GRADIENTS: { readonly [K in OpName]?: GradRule<K> } = {
  ...elementwiseGradients,
  ...reduceGradients,
  ...movementGradients,
  ...linalgGradients,
};

/**
 * Primitives that have no gradient, each with the reason (their outputs are integer or boolean,
 * or piecewise constant with a zero derivative almost everywhere that PyTorch does not propagate).
 * @category Autograd
 */
export const NON_DIFFERENTIABLE: { readonly [K in OpName]?: string } = {
  ...elementwiseNonDifferentiable,
  ...reduceNonDifferentiable,
  ...movementNonDifferentiable,
  ...linalgNonDifferentiable,
};
