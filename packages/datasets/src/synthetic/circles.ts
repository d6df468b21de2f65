import { ArgumentError } from '@nn/tensor';
import { show } from '../dataset/validate.js';
import {
  type ClassificationOptions,
  commonOptions,
  count,
  labelledPoints,
  noiseLevel,
  type SyntheticData,
  twoGroups,
} from './synthetic-data.js';

/** Options of `circles`. @category Synthetic */
export interface CirclesOptions extends ClassificationOptions {
  /** Number of points (default 100): `floor(n / 2)` on the outer circle, the rest on the inner. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0). */
  noise?: number;
  /** Radius of the inner circle relative to the outer one, in `[0, 1)` (default 0.8). */
  factor?: number;
}

/**
 * Two concentric circles, as scikit-learn's `make_circles` (same defaults): class 0 on the unit
 * circle, class 1 on a circle of radius `factor`, each evenly spaced in angle (starting at angle 0,
 * endpoint excluded), plus `noise · N(0, 1)` on each coordinate.
 *
 * `x: [n, 2]` float32, `y: [n]` int32 in {0, 1}
 *
 * @param options - `n` (100), `noise` (0), `factor` (0.8), `shuffle` (true), `generator`.
 * @throws `ArgumentError` for an `n` that is not a positive integer, a negative noise, a factor
 *   outside `[0, 1)`, or an unknown option.
 * @example
 * ```ts
 * const { x, y } = circles({ n: 4, factor: 0.5, shuffle: false });
 * x.toArray(); // ≈ [[1, 0], [-1, 0], [0.5, 0], [-0.5, 0]]
 * y.toArray(); // [0, 0, 1, 1]
 * circles({ factor: 1 }); // throws ArgumentError
 * ```
 * @category Synthetic
 */
export function circles(options: CirclesOptions = {}): SyntheticData {
  const op = 'circles';
  const { o, generator, shuffle } = commonOptions(op, options, ['n', 'noise', 'factor'], true);
  const n = count(op, 'n', o.n, 100);
  const noise = noiseLevel(op, o.noise, 0);
  const factor = o.factor ?? 0.8;
  if (typeof factor !== 'number' || !(factor >= 0 && factor < 1)) {
    throw new ArgumentError({ op, arg: 'options.factor', expected: 'a number in [0, 1)', got: show(factor) });
  }
  return labelledPoints(
    n,
    (i) => {
      const [inner, k, m] = twoGroups(i, n);
      const r = inner ? factor : 1;
      const angle = (2 * Math.PI * k) / m;
      return [
        r * Math.cos(angle) + noise * generator.normal(),
        r * Math.sin(angle) + noise * generator.normal(),
        inner,
      ];
    },
    shuffle,
    generator,
  );
}
