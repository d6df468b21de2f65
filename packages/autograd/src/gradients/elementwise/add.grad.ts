import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';

/** `d(a + b) = da + db`: the output gradient, summed back over broadcast dims. */
export const addGrad: GradRule<'Add'> = (dy, { inputs: { a, b } }) => ({
  a: unbroadcast(dy, a.shape),
  b: unbroadcast(dy, b.shape),
});
