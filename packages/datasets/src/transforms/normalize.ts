import { ArgumentError, div, ShapeError, sub, tensor, tidy } from '@nn/tensor';
import { checkOptions, show } from '../dataset/validate.js';
import { imageLayout, type Transform } from './transform.js';

/** Options of `normalize`. @category Transforms */
export interface NormalizeOptions {
  /** Per-channel means (one number for every channel, or one per channel). */
  mean: number | readonly number[];
  /** Per-channel standard deviations, none of them 0. */
  std: number | readonly number[];
}

function channelValues(op: string, arg: string, value: unknown, nonZero: boolean): number[] {
  const list = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new ArgumentError({
      op,
      arg,
      expected: 'a finite number or a non-empty array of finite numbers',
      got: show(value),
    });
  }
  if (nonZero && list.some((v) => v === 0)) {
    throw new ArgumentError({
      op,
      arg,
      expected: 'standard deviations ≠ 0',
      got: show(value),
      hint: 'Dividing by a std of 0 gives Infinity or NaN',
    });
  }
  return list as number[];
}

/**
 * Normalizes each channel: `out[c] = (image[c] − mean[c]) / std[c]`, as torchvision's
 * `Normalize`. With one value for `mean` (or `std`) it applies to every channel. Computed with
 * tensor ops, so it works on any backend, in the image's dtype.
 *
 * `image: [C, H, W] → [C, H, W]`; `batch: [N, C, H, W] → [N, C, H, W]`
 *
 * @param options - `mean` and `std`: a number or C numbers each.
 * @returns the transform. It throws `ShapeError` for an image whose channel count is not the
 *   length of `mean` / `std` (when longer than 1), `DTypeError` for a non-float image.
 * @throws `ArgumentError` for a missing or non-finite mean or std, a std of 0, or `mean` and
 *   `std` of different lengths (both longer than 1).
 * @example
 * ```ts
 * const t = normalize({ mean: 0.1307, std: 0.3081 });          // MNIST's statistics
 * t(full([1, 1, 1], 0.1307)).toArray();                         // [[[0]]]
 * const rgb = normalize({ mean: [0.5, 0, 1], std: [0.5, 1, 2] });
 * rgb(ones([3, 1, 1])).toArray();                               // [[[1]], [[1]], [[0]]]
 * rgb(ones([2, 1, 1]));                                         // throws ShapeError
 * normalize({ mean: 0, std: 0 });                               // throws ArgumentError
 * ```
 * @category Transforms
 */
export function normalize(options: NormalizeOptions): Transform {
  const op = 'normalize';
  const o = checkOptions(op, options, ['mean', 'std']);
  const mean = channelValues(op, 'options.mean', o.mean, false);
  const std = channelValues(op, 'options.std', o.std, true);
  if (mean.length > 1 && std.length > 1 && mean.length !== std.length) {
    throw new ArgumentError({
      op,
      arg: 'options.std',
      expected: `${mean.length} values (as mean)`,
      got: `${std.length} values`,
    });
  }
  const channels = Math.max(mean.length, std.length);
  const column = (values: number[]): number[] =>
    values.length === channels ? values : new Array<number>(channels).fill(values[0]!);
  const m = column(mean);
  const s = column(std);
  return (image) => {
    const layout = imageLayout(op, image);
    if (channels > 1 && layout.c !== channels) {
      throw new ShapeError({
        op,
        arg: 'image',
        expected: `${channels} channels (one per mean/std value)`,
        got: `${layout.c} channels, shape [${image.shape.join(', ')}]`,
      });
    }
    return tidy(() => {
      const shape = [channels, 1, 1];
      const meanT = tensor(m, { shape, dtype: image.dtype });
      const stdT = tensor(s, { shape, dtype: image.dtype });
      return div(sub(image, meanT), stdT);
    });
  };
}
