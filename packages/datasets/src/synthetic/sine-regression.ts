import { tensor } from '@nn/tensor';
import { commonOptions, count, noiseLevel, type SyntheticData, type SyntheticOptions } from './synthetic-data.js';

/** Options of `sineRegression`. @category Synthetic */
export interface SineRegressionOptions extends SyntheticOptions {
  /** Number of points (default 100). */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each target (default 0.1). */
  noise?: number;
}

/**
 * One period of a sine wave plus noise, the classic non-linear curve fit: `x` uniform in
 * `[−π, π]`, `y = sin(x) + noise · N(0, 1)`.
 *
 * `x: [n, 1]` float32, `y: [n, 1]` float32
 *
 * @param options - `n` (100), `noise` (0.1), `generator`.
 * @throws `ArgumentError` for an `n` that is not a positive integer, a negative noise, or an
 *   unknown option.
 * @example
 * ```ts
 * const { x, y } = sineRegression({ n: 50, noise: 0, generator: new Generator(0) });
 * x.shape; // [50, 1]
 * max(abs(sub(y, sin(x)))).item() < 1e-6; // true
 * ```
 * @category Synthetic
 */
export function sineRegression(options: SineRegressionOptions = {}): SyntheticData {
  const op = 'sineRegression';
  const { o, generator } = commonOptions(op, options, ['n', 'noise'], false);
  const n = count(op, 'n', o.n, 100);
  const noise = noiseLevel(op, o.noise, 0.1);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const xi = Math.fround(Math.PI * (2 * generator.random() - 1));
    x[i] = xi;
    y[i] = Math.sin(xi) + noise * generator.normal();
  }
  return { x: tensor(x, { shape: [n, 1] }), y: tensor(y, { shape: [n, 1] }) };
}
