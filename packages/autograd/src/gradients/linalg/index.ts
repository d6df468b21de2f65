import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';
import { avgPool2dBackpropGrad } from './avg-pool2d-backprop.grad.js';
import { avgPool2dGrad } from './avg-pool2d.grad.js';
import { conv2dBackpropFilterGrad } from './conv2d-backprop-filter.grad.js';
import { conv2dBackpropInputGrad } from './conv2d-backprop-input.grad.js';
import { conv2dGrad } from './conv2d.grad.js';
import { matMulGrad } from './mat-mul.grad.js';
import { maxPool2dBackpropGrad } from './max-pool2d-backprop.grad.js';
import { maxPool2dGrad } from './max-pool2d.grad.js';

/** Gradient rules of the linalg primitives. */
export const linalgGradients: { readonly [K in OpName]?: GradRule<K> } = {
  MatMul: matMulGrad,
  Conv2D: conv2dGrad,
  Conv2DBackpropInput: conv2dBackpropInputGrad,
  Conv2DBackpropFilter: conv2dBackpropFilterGrad,
  MaxPool2D: maxPool2dGrad,
  MaxPool2DBackprop: maxPool2dBackpropGrad,
  AvgPool2D: avgPool2dGrad,
  AvgPool2DBackprop: avgPool2dBackpropGrad,
};

/** linalg primitives without a gradient, with the reason. */
export const linalgNonDifferentiable: { readonly [K in OpName]?: string } = {};
