// Small in-memory datasets shared by the dataset and loader tests.
import type { Dataset } from '../../src/index.js';

/** A dataset whose sample i is the number i: batches are int32 tensors of indices. */
export const range = (n: number): Dataset<number> => ({ length: n, get: (i) => i });
