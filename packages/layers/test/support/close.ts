// Comparing tensors elementwise within an absolute tolerance.
import type { Tensor } from '@nn/tensor';
import { expect } from 'vitest';

/** Expects `a` and `b` to have the same shape and every element to differ by at most `tol`. */
export function expectClose(a: Tensor, b: Tensor, tol = 1e-6): void {
  expect(a.shape).toEqual(b.shape);
  const x = a.dataSync();
  const y = b.dataSync();
  for (let i = 0; i < x.length; i++) expect(Math.abs(x[i]! - y[i]!), `element ${i}`).toBeLessThanOrEqual(tol);
}
