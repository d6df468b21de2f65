import type { CaseTable } from '../../case-types.js';
import { avgPool2DTable } from './avg-pool2d.js';
import { avgPool2DBackpropTable } from './avg-pool2d-backprop.js';
import { conv2DTable } from './conv2d.js';
import { conv2DBackpropFilterTable } from './conv2d-backprop-filter.js';
import { conv2DBackpropInputTable } from './conv2d-backprop-input.js';
import { matMulTable } from './mat-mul.js';
import { maxPool2DTable } from './max-pool2d.js';
import { maxPool2DBackpropTable } from './max-pool2d-backprop.js';

/** Conformance case tables of the linalg primitives: matrix product, convolutions, pooling. */
export const linalgCases: readonly CaseTable[] = [
  matMulTable,
  conv2DTable,
  conv2DBackpropInputTable,
  conv2DBackpropFilterTable,
  maxPool2DTable,
  maxPool2DBackpropTable,
  avgPool2DTable,
  avgPool2DBackpropTable,
];
