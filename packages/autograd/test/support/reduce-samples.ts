// Shared samples for the reduce-group gradient tests.
import { tensor, type Tensor } from '@nn/tensor';

// ---------------------------------------------------------------------------------------------
// Samples. A small deterministic generator keeps every sample reproducible and lets each kind of
// sample stay away from the points where the op under test is not differentiable.
// ---------------------------------------------------------------------------------------------

export type Kind =
  /** Uniform in (-2, 2). */
  | 'smooth'
  /** Distinct values with distinct magnitudes, all ≥ 0.3 apart and ≥ 0.3 from 0 (max/min/abs). */
  | 'distinct'
  /** Magnitudes in [0.5, 1.5] with random signs (products stay well scaled). */
  | 'nonzero';

export function sample(shape: readonly number[], kind: Kind, seed: number): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  let s = (seed * 2654435761 + 12345) >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const values = new Float64Array(n);
  if (kind === 'distinct') {
    const order = Array.from({ length: n }, (_, i) => i + 1);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let i = 0; i < n; i++) values[i] = (next() < 0.5 ? -1 : 1) * (0.3 * order[i]! + 0.05 * next());
  } else {
    for (let i = 0; i < n; i++) {
      values[i] = kind === 'smooth' ? 4 * next() - 2 : (next() < 0.5 ? -1 : 1) * (0.5 + next());
    }
  }
  return tensor(values, { shape, dtype: 'float64' });
}

export function f64(values: number[] | number[][]): Tensor {
  return tensor(values, { dtype: 'float64' });
}

export type Dim = number | number[] | undefined;
