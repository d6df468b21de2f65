import { type Generator } from '@nn/tensor';
import { checkBoolean, checkFinite, checkNonNegative, checkOptions, resolveGenerator } from '../dataset/validate.js';
import { allocateLike, hostValues, imageLayout, imageTensor, type Transform } from './transform.js';

/** Options of `gaussianNoise`. @category Transforms */
export interface GaussianNoiseOptions {
  /** Standard deviation σ of the noise (default 0.1, torchvision's `sigma`). */
  std?: number;
  /** Mean of the noise (default 0). */
  mean?: number;
  /**
   * Clamp the result to `[0, 1]` (default true, as torchvision's `GaussianNoise(clip=True)`): right
   * for images in `[0, 1]`, i.e. before `normalize`. Set `false` to add noise after normalizing.
   */
  clip?: boolean;
  /** Random source (default: the default generator, seeded by `manualSeed`). */
  generator?: Generator;
}

/**
 * Adds independent Gaussian noise to every pixel: `out = image + mean + std·z`, z ~ N(0, 1), then
 * (with `clip`, the default) clamps to `[0, 1]`, as torchvision's `GaussianNoise`. The noise is
 * drawn in element order (`generator.normal()` per element), so a batch gets independent noise
 * per image.
 *
 * Runs on the host, on the typed array of the image; the backend must support synchronous reads.
 *
 * `image: [C, H, W] → [C, H, W]`; `batch: [N, C, H, W] → [N, C, H, W]` (same dtype)
 *
 * @param options - `std`, `mean`, `clip`, `generator` (see {@link GaussianNoiseOptions}).
 * @returns the transform; it throws `DTypeError` for a non-float image, `ShapeError` for a rank
 *   other than 3 or 4.
 * @throws `ArgumentError` for a negative or non-finite std, a non-finite mean, a non-boolean
 *   clip, or an unknown option.
 * @example
 * ```ts
 * const x = full([1, 2, 2], 0.5);
 * gaussianNoise({ std: 0 })(x).toArray();                    // [[[0.5, 0.5], [0.5, 0.5]]]
 * const noisy = gaussianNoise({ std: 10, generator: new Generator(3) })(x);
 * all(logicalAnd(ge(noisy, 0), le(noisy, 1))).item();         // true (clamped to [0, 1])
 * gaussianNoise({ std: -1 });                                 // throws ArgumentError
 * ```
 * @category Transforms
 */
export function gaussianNoise(options: GaussianNoiseOptions = {}): Transform {
  const op = 'gaussianNoise';
  const o = checkOptions(op, options, ['std', 'mean', 'clip', 'generator']);
  const std = checkNonNegative(op, 'options.std', o.std ?? 0.1);
  const mean = checkFinite(op, 'options.mean', o.mean ?? 0);
  const clip = checkBoolean(op, 'options.clip', o.clip ?? true);
  const generator = resolveGenerator(op, o.generator);
  return (image) => {
    const layout = imageLayout(op, image);
    const src = hostValues(image);
    const out = allocateLike(image, src.length);
    for (let k = 0; k < src.length; k++) {
      const v = src[k]! + mean + std * generator.normal();
      out[k] = clip ? Math.min(1, Math.max(0, v)) : v;
    }
    return imageTensor(image, out, layout);
  };
}
