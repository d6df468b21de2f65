import type { Generator } from '@nn/tensor';

/**
 * Options every parameter-creating layer accepts, next to its own: the dtype of its parameters and
 * the random stream its default initialisation draws from.
 *
 * - `dtype` — `'float32'` (default) or `'float64'` (`module.to(dtype)` converts later).
 * - `generator` — a seeded `Generator` for reproducible initialisation; the default generator
 *   (see `manualSeed`) otherwise.
 *
 * @example
 * ```ts
 * const g = new Generator(42);
 * const a = new Linear(3, 2, { generator: g });
 * g.manualSeed(42);
 * const b = new Linear(3, 2, { generator: g });
 * a.weight.value.toArray().flat().join() === b.weight.value.toArray().flat().join(); // true
 * new Linear(3, 2, { dtype: 'float64' }).weight.dtype;                             // 'float64'
 * ```
 * @category Layers
 */
export interface LayerOptions {
  /** The dtype of the parameters (default `'float32'`). */
  dtype?: 'float32' | 'float64';
  /** The random stream of the default initialisation (default: the default generator). */
  generator?: Generator;
}
