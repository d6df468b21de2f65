import { gather } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { padDims } from './pad-dims.js';

/**
 * `x` passes through unchanged, so it receives `dy`. Each used element of `updates` was added at
 * its target position, so it receives `dy` there (`gather`); elements of `updates` outside the
 * index's shape were not used and get zero. The integer indices get no gradient.
 */
export const scatterAddGrad: GradRule<'ScatterAdd'> = (dy, { inputs: { indices, updates }, attrs: { axis } }) => {
  const picked = dy.rank === 0 ? dy : gather(dy, axis, indices);
  const rest = updates.shape.map((n, i): [number, number] => [0, n - picked.shape[i]!]);
  return { x: dy, indices: null, updates: padDims(picked, rest) };
};
