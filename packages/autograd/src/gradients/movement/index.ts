import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';

/** Gradient rules of the movement primitives. */
export const movementGradients: { readonly [K in OpName]?: GradRule<K> } = {};

/** movement primitives without a gradient, with the reason. */
export const movementNonDifferentiable: { readonly [K in OpName]?: string } = {};
