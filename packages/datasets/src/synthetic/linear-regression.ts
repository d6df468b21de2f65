import { ArgumentError, tensor } from '@nn/tensor';
import { checkFinite, show } from '../dataset/validate.js';
import { commonOptions, count, noiseLevel, type SyntheticData, type SyntheticOptions } from './synthetic-data.js';

/** Options of `linearRegression`. @category Synthetic */
export interface LinearRegressionOptions extends SyntheticOptions {
  /** Number of points (default 100). */
  n?: number;
  /** The slope (default 2), or one weight per input feature (`d` features). */
  slope?: number | readonly number[];
  /** The intercept (default 1). */
  intercept?: number;
  /** Standard deviation of the Gaussian noise added to each target (default 0.1). */
  noise?: number;
}

/**
 * Points on a line (or hyperplane) plus noise, for the first regression example: `x` uniform in
 * `[−1, 1)`, `y = x · slope + intercept + noise · N(0, 1)`.
 *
 * `x: [n, d]` float32 (d = 1, or the number of slopes), `y: [n, 1]` float32
 *
 * @param options - `n` (100), `slope` (2), `intercept` (1), `noise` (0.1), `generator`.
 * @throws `ArgumentError` for an `n` that is not a positive integer, non-finite slopes or
 *   intercept, a negative noise, or an unknown option.
 * @example
 * ```ts
 * const { x, y } = linearRegression({ n: 3, slope: 3, intercept: -1, noise: 0 });
 * const xs = x.toArray() as number[][];
 * (y.toArray() as number[][]).map(([v], i) => Math.abs(v! - (3 * xs[i]![0]! - 1)) < 1e-6); // [true, true, true]
 * linearRegression({ slope: [1, 2, 3], generator: new Generator(0) }).x.shape;           // [100, 3]
 * ```
 * @category Synthetic
 */
export function linearRegression(options: LinearRegressionOptions = {}): SyntheticData {
  const op = 'linearRegression';
  const { o, generator } = commonOptions(op, options, ['n', 'slope', 'intercept', 'noise'], false);
  const n = count(op, 'n', o.n, 100);
  const slopeValue = o.slope ?? 2;
  const slopes = typeof slopeValue === 'number' ? [slopeValue] : slopeValue;
  if (
    !Array.isArray(slopes) ||
    slopes.length === 0 ||
    slopes.some((s) => typeof s !== 'number' || !Number.isFinite(s))
  ) {
    throw new ArgumentError({
      op,
      arg: 'options.slope',
      expected: 'a finite number or a non-empty array of them',
      got: show(slopeValue),
    });
  }
  const intercept = checkFinite(op, 'options.intercept', o.intercept ?? 1);
  const noise = noiseLevel(op, o.noise, 0.1);
  const d = slopes.length;
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let v = intercept;
    for (let f = 0; f < d; f++) {
      const xi = Math.fround(2 * generator.random() - 1);
      x[i * d + f] = xi;
      v += xi * slopes[f]!;
    }
    y[i] = v + noise * generator.normal();
  }
  return { x: tensor(x, { shape: [n, d] }), y: tensor(y, { shape: [n, 1] }) };
}
