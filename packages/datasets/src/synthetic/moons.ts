import {
  type ClassificationOptions,
  commonOptions,
  count,
  labelledPoints,
  noiseLevel,
  type SyntheticData,
  twoGroups,
} from './synthetic-data.js';

/** Options of `moons`. @category Synthetic */
export interface MoonsOptions extends ClassificationOptions {
  /** Number of points (default 100): `floor(n / 2)` on the upper moon, the rest on the lower. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0). */
  noise?: number;
}

/**
 * Two interleaving half circles, as scikit-learn's `make_moons` (same defaults): class 0 on
 * `(cos t, sin t)` and class 1 on `(1 − cos t, 0.5 − sin t)`, t evenly spaced over `[0, π]`
 * (both ends included), plus `noise · N(0, 1)` on each coordinate.
 *
 * `x: [n, 2]` float32, `y: [n]` int32 in {0, 1}
 *
 * @param options - `n` (100), `noise` (0), `shuffle` (true), `generator`.
 * @throws `ArgumentError` for an `n` that is not a positive integer, a negative noise, or an
 *   unknown option.
 * @example
 * ```ts
 * const { x, y } = moons({ n: 4, shuffle: false });
 * x.toArray(); // ≈ [[1, 0], [-1, 0], [0, 0.5], [2, 0.5]]
 * y.toArray(); // [0, 0, 1, 1]
 * moons({ noise: 0.1, generator: new Generator(0) }).x.shape; // [100, 2]
 * ```
 * @category Synthetic
 */
export function moons(options: MoonsOptions = {}): SyntheticData {
  const op = 'moons';
  const { o, generator, shuffle } = commonOptions(op, options, ['n', 'noise'], true);
  const n = count(op, 'n', o.n, 100);
  const noise = noiseLevel(op, o.noise, 0);
  return labelledPoints(
    n,
    (i) => {
      const [lower, k, m] = twoGroups(i, n);
      const t = m > 1 ? (Math.PI * k) / (m - 1) : 0;
      const [px, py] = lower ? [1 - Math.cos(t), 0.5 - Math.sin(t)] : [Math.cos(t), Math.sin(t)];
      return [px + noise * generator.normal(), py + noise * generator.normal(), lower];
    },
    shuffle,
    generator,
  );
}
