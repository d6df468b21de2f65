import {
  type ClassificationOptions,
  commonOptions,
  count,
  labelledPoints,
  noiseLevel,
  type SyntheticData,
} from './synthetic-data.js';

/** Options of `spirals`. @category Synthetic */
export interface SpiralsOptions extends ClassificationOptions {
  /** Points per class (default 100). */
  n?: number;
  /** Number of arms, one per class (default 3). */
  classes?: number;
  /** Standard deviation of the Gaussian noise added to each point's angle, in radians (default 0.2). */
  noise?: number;
}

/**
 * Interleaved spiral arms, one per class (the CS231n set): point `k` of class `j` lies at radius
 * `r = k / (n − 1)` and angle `t = 4j + 4r + noise · N(0, 1)`, at `(r sin t, r cos t)`.
 *
 * `x: [n · classes, 2]` float32, `y: [n · classes]` int32 in `[0, classes)`
 *
 * @param options - `n` per class (100), `classes` (3), `noise` (0.2), `shuffle` (true), `generator`.
 * @throws `ArgumentError` for an `n` or `classes` that is not a positive integer, a negative
 *   noise, or an unknown option.
 * @example
 * ```ts
 * const { x, y } = spirals({ n: 50, classes: 4, generator: new Generator(0) });
 * x.shape;                  // [200, 2]
 * sum(eq(y, 3)).item();   // 50
 * ```
 * @category Synthetic
 */
export function spirals(options: SpiralsOptions = {}): SyntheticData {
  const op = 'spirals';
  const { o, generator, shuffle } = commonOptions(op, options, ['n', 'classes', 'noise'], true);
  const n = count(op, 'n', o.n, 100);
  const classes = count(op, 'classes', o.classes, 3);
  const noise = noiseLevel(op, o.noise, 0.2);
  return labelledPoints(
    n * classes,
    (i) => {
      const j = Math.floor(i / n);
      const k = i - j * n;
      const r = n > 1 ? k / (n - 1) : 0;
      const t = 4 * j + 4 * r + noise * generator.normal();
      return [r * Math.sin(t), r * Math.cos(t), j];
    },
    shuffle,
    generator,
  );
}
