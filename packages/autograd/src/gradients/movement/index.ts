import type { OpName } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';
import { broadcastToGrad } from './broadcast-to.grad.js';
import { concatGrad } from './concat.grad.js';
import { gatherGrad } from './gather.grad.js';
import { indexSelectGrad } from './index-select.grad.js';
import { padGrad } from './pad.grad.js';
import { reshapeGrad } from './reshape.grad.js';
import { scatterAddGrad } from './scatter-add.grad.js';
import { sliceGrad } from './slice.grad.js';
import { tileGrad } from './tile.grad.js';
import { transposeGrad } from './transpose.grad.js';

/** Gradient rules of the movement primitives. */
export const movementGradients: { readonly [K in OpName]?: GradRule<K> } = {
  Reshape: reshapeGrad,
  Transpose: transposeGrad,
  BroadcastTo: broadcastToGrad,
  Slice: sliceGrad,
  Concat: concatGrad,
  Pad: padGrad,
  Tile: tileGrad,
  IndexSelect: indexSelectGrad,
  Gather: gatherGrad,
  ScatterAdd: scatterAddGrad,
};

/** movement primitives without a gradient, with the reason. */
export const movementNonDifferentiable: { readonly [K in OpName]?: string } = {};
