import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';
import { gradFor } from '../grad-for.js';

/** `d(a + b) = da + db`: the output gradient, summed back over broadcast dims. */
export const addGrad: GradRule<'Add'> = (dy, { inputs: { a, b } }) => ({
  a: gradFor(a, () => unbroadcast(dy, a.shape)),
  b: gradFor(b, () => unbroadcast(dy, b.shape)),
});
