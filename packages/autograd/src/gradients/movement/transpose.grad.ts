import { permute } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** Output dim `i` is input dim `perm[i]`, so `dy` is permuted back by the inverse permutation. */
export const transposeGrad: GradRule<'Transpose'> = (dy, { attrs: { perm } }) => {
  const inverse = new Array<number>(perm.length);
  perm.forEach((p, i) => {
    inverse[p] = i;
  });
  return { x: permute(dy, inverse) };
};
