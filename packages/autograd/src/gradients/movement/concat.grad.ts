import { slice, type SliceRange } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** Each input receives the part of `dy` it filled: consecutive slices of `dy` along the axis. */
export const concatGrad: GradRule<'Concat'> = (dy, { inputs: { xs }, attrs: { axis } }) => {
  let offset = 0;
  return {
    xs: xs.map((x) => {
      const n = x.shape[axis]!;
      const ranges: SliceRange[] = new Array<SliceRange>(axis).fill(null);
      ranges.push([offset, offset + n]);
      offset += n;
      return slice(dy, ranges);
    }),
  };
};
