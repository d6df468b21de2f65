import type { KernelTable } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { avgPool2D } from './avg-pool2d.js';
import { avgPool2DBackprop } from './avg-pool2d-backprop.js';
import { conv2D } from './conv2d.js';
import { conv2DBackpropFilter } from './conv2d-backprop-filter.js';
import { conv2DBackpropInput } from './conv2d-backprop-input.js';
import { matMul } from './mat-mul.js';
import { maxPool2D } from './max-pool2d.js';
import { maxPool2DBackprop } from './max-pool2d-backprop.js';

/** CPU kernels of the linalg group: matrix products, convolutions and pooling. */
export const linalgKernels = {
  MatMul: matMul,
  Conv2D: conv2D,
  Conv2DBackpropInput: conv2DBackpropInput,
  Conv2DBackpropFilter: conv2DBackpropFilter,
  MaxPool2D: maxPool2D,
  MaxPool2DBackprop: maxPool2DBackprop,
  AvgPool2D: avgPool2D,
  AvgPool2DBackprop: avgPool2DBackprop,
} satisfies Partial<KernelTable<CpuBackend>>;
