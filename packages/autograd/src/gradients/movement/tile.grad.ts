import { reshape, sum } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * Every tile is a copy of the input: `dy: [r0·d0, r1·d1, …]` is viewed as `[r0, d0, r1, d1, …]`
 * and summed over the repetition axes `0, 2, 4, …`.
 */
export const tileGrad: GradRule<'Tile'> = (dy, { inputs: { x }, attrs: { reps } }) => {
  if (reps.every((r) => r === 1)) return { x: dy };
  const split = x.shape.flatMap((d, i) => [reps[i]!, d]);
  const repAxes = x.shape.map((_, i) => 2 * i);
  return { x: sum(reshape(dy, split), repAxes) };
};
