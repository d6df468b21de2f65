import { broadcastTo, reshape } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** Every summed element receives the output gradient: `dy` broadcast back over the reduced axes. */
export const sumGrad: GradRule<'Sum'> = (dy, { inputs: { x }, attrs: { axes } }) => {
  const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  return { x: broadcastTo(reshape(dy, kept), x.shape) };
};
