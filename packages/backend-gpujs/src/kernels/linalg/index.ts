import type { KernelTable } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { avgPool2D, avgPool2DBackprop } from './avg-pool2d.js';
import { conv2D } from './conv2d.js';
import { conv2DBackpropFilter } from './conv2d-backprop-filter.js';
import { conv2DBackpropInput } from './conv2d-backprop-input.js';
import { matMul } from './mat-mul.js';
import { maxPool2D, maxPool2DBackprop } from './max-pool2d.js';

/** The linear-algebra, convolution and pooling kernels. */
export const LINALG_KERNELS: Partial<KernelTable<GpuJsBackend>> = {
  MatMul: matMul,
  Conv2D: conv2D,
  Conv2DBackpropInput: conv2DBackpropInput,
  Conv2DBackpropFilter: conv2DBackpropFilter,
  MaxPool2D: maxPool2D,
  MaxPool2DBackprop: maxPool2DBackprop,
  AvgPool2D: avgPool2D,
  AvgPool2DBackprop: avgPool2DBackprop,
};
