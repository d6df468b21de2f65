import { slice } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** The padding is constant: only the original block of `dy` flows back (a slice past the `before` amounts). */
export const padGrad: GradRule<'Pad'> = (dy, { inputs: { x }, attrs: { paddings } }) => {
  if (paddings.every(([a, b]) => a === 0 && b === 0)) return { x: dy };
  return {
    x: slice(
      dy,
      x.shape.map((n, i) => [paddings[i]![0], paddings[i]![0] + n] as const),
    ),
  };
};
