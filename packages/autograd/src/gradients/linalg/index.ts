import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';

/** Gradient rules of the linalg primitives. */
export const linalgGradients: { readonly [K in OpName]?: GradRule<K> } = {};

/** linalg primitives without a gradient, with the reason. */
export const linalgNonDifferentiable: { readonly [K in OpName]?: string } = {};
