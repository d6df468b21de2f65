import {
  type ClassificationOptions,
  commonOptions,
  count,
  labelledPoints,
  noiseLevel,
  type SyntheticData,
} from './synthetic-data.js';

/** Options of `xor`. @category Synthetic */
export interface XorOptions extends ClassificationOptions {
  /** Number of points (default 200), spread evenly over the four corners. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0.1). */
  noise?: number;
}

/**
 * The XOR problem, the classic set a linear model cannot separate: points around the four
 * corners of the unit square, labelled with the exclusive or of the corner's coordinates.
 * Point `i` (before shuffling) belongs to corner `i mod 4` of `(0,0) → 0, (0,1) → 1, (1,0) → 1,
 * (1,1) → 0`, plus `noise · N(0, 1)` on each coordinate.
 *
 * `x: [n, 2]` float32, `y: [n]` int32 in {0, 1}
 *
 * @param options - `n` (200), `noise` (0.1), `shuffle` (true), `generator`.
 * @throws `ArgumentError` for an `n` that is not a positive integer, a negative noise, or an
 *   unknown option.
 * @example
 * ```ts
 * const { x, y } = xor({ n: 4, noise: 0, shuffle: false });
 * x.toArray(); // [[0, 0], [0, 1], [1, 0], [1, 1]]
 * y.toArray(); // [0, 1, 1, 0]
 * xor({ generator: new Generator(0) }).x.shape; // [200, 2]
 * xor({ n: 0 });                                 // throws ArgumentError
 * ```
 * @category Synthetic
 */
export function xor(options: XorOptions = {}): SyntheticData {
  const op = 'xor';
  const { o, generator, shuffle } = commonOptions(op, options, ['n', 'noise'], true);
  const n = count(op, 'n', o.n, 200);
  const noise = noiseLevel(op, o.noise, 0.1);
  return labelledPoints(
    n,
    (i) => {
      const a = (i >> 1) & 1;
      const b = i & 1;
      return [a + noise * generator.normal(), b + noise * generator.normal(), a ^ b];
    },
    shuffle,
    generator,
  );
}
