// The benchmark compares @nn with TF.js on the same computation: the first training steps of the
// MLP from the same weights on the same batches give the same losses.
import { expect, test } from 'vitest';
import { checkParity, PARITY_TOLERANCE } from '../bench/parity.js';

test('@nn and TF.js cpu compute the same MLP training steps', async () => {
  const r = await checkParity({ model: 'mlp', batch: 8, steps: 3 });
  expect(r.errors).toEqual([]);
  expect(r.diffs['tfjs-cpu']).toHaveLength(3);
  for (const d of r.diffs['tfjs-cpu']!) expect(d).toBeLessThanOrEqual(PARITY_TOLERANCE);
}, 60_000);
