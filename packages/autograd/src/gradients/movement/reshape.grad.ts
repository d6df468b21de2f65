import { reshape } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** Reshaping moves no element: `dy` reshaped back to the input's shape. */
export const reshapeGrad: GradRule<'Reshape'> = (dy, { inputs: { x } }) => ({
  x: reshape(dy, x.shape),
});
