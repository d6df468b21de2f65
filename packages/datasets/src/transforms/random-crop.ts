import { ArgumentError, type Generator, ShapeError } from '@nn/tensor';
import { checkFinite, checkOptions, resolveGenerator, show } from '../dataset/validate.js';
import { allocateLike, hostValues, imageLayout, imageTensor, type Transform } from './transform.js';

/** Options of `randomCrop`. @category Transforms */
export interface RandomCropOptions {
  /**
   * Zero padding added before cropping (filled with `fill`): `p` on every side, `[leftRight,
   * topBottom]`, or `[left, top, right, bottom]` (torchvision's orders). Default 0.
   */
  padding?: number | readonly [number, number] | readonly [number, number, number, number];
  /** Value of the padding pixels (default 0). */
  fill?: number;
  /** Random source (default: the default generator, seeded by `manualSeed`). */
  generator?: Generator;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** [left, top, right, bottom] from torchvision's padding forms. */
function paddingSides(op: string, padding: unknown): [number, number, number, number] {
  if (padding === undefined) return [0, 0, 0, 0];
  if (isCount(padding)) return [padding, padding, padding, padding];
  if (Array.isArray(padding) && padding.every(isCount)) {
    const p = padding as number[];
    if (p.length === 2) return [p[0]!, p[1]!, p[0]!, p[1]!];
    if (p.length === 4) return [p[0]!, p[1]!, p[2]!, p[3]!];
  }
  throw new ArgumentError({
    op,
    arg: 'options.padding',
    expected: 'an integer ≥ 0, [leftRight, topBottom] or [left, top, right, bottom]',
    got: show(padding),
  });
}

/**
 * Pads the image, then cuts a `size` window at a random position, as torchvision's `RandomCrop`
 * (constant padding). For each image (each image of a batch independently) it draws the top row
 * then the left column uniformly among the positions where the window fits. With `size` equal to
 * the image size and `padding: p` this is a random shift of up to `p` pixels in each direction,
 * the usual augmentation for MNIST and CIFAR.
 *
 * Runs on the host, on the typed array of the image; the backend must support synchronous reads.
 *
 * `image: [C, H, W] → [C, h, w]`; `batch: [N, C, H, W] → [N, C, h, w]` (same dtype)
 *
 * @param size - the window: `s` for `s × s`, or `[h, w]`.
 * @param options - `padding`, `fill`, `generator` (see {@link RandomCropOptions}).
 * @returns the transform; it throws `ShapeError` when the window is larger than the padded image,
 *   `DTypeError` for a non-float image.
 * @throws `ArgumentError` for a size that is not a positive integer (or pair), a malformed
 *   padding, a non-finite fill, or an unknown option.
 * @example
 * ```ts
 * const x = tensor([[[1, 2], [3, 4]]]);
 * randomCrop(2)(x).toArray();                 // [[[1, 2], [3, 4]]]
 * randomCrop([1, 2])(x).shape;                // [1, 1, 2]
 * const shifted = randomCrop(2, { padding: 1, generator: new Generator(0) })(x);
 * shifted.shape;                              // [1, 2, 2]
 * randomCrop(3)(x);                           // throws ShapeError
 * ```
 * @category Transforms
 */
export function randomCrop(size: number | readonly [number, number], options: RandomCropOptions = {}): Transform {
  const op = 'randomCrop';
  const window = typeof size === 'number' ? [size, size] : size;
  if (!Array.isArray(window) || window.length !== 2 || window.some((v) => !isCount(v) || v === 0)) {
    throw new ArgumentError({ op, arg: 'size', expected: 'a positive integer or [height, width]', got: show(size) });
  }
  const [th, tw] = window as [number, number];
  const o = checkOptions(op, options, ['padding', 'fill', 'generator']);
  const [left, top, right, bottom] = paddingSides(op, o.padding);
  const fill = checkFinite(op, 'options.fill', o.fill ?? 0);
  const generator = resolveGenerator(op, o.generator);

  return (image) => {
    const layout = imageLayout(op, image);
    const { n, c, h, w } = layout;
    const hp = h + top + bottom;
    const wp = w + left + right;
    if (th > hp || tw > wp) {
      throw new ShapeError({
        op,
        arg: 'image',
        expected: `an image of at least ${th}×${tw} pixels after padding`,
        got: `${h}×${w} padded to ${hp}×${wp}`,
      });
    }
    const src = hostValues(image);
    const out = allocateLike(image, n * c * th * tw);
    for (let img = 0; img < n; img++) {
      const i = Math.floor(generator.random() * (hp - th + 1)) - top; // window's top row in image rows
      const j = Math.floor(generator.random() * (wp - tw + 1)) - left;
      for (let ch = 0; ch < c; ch++) {
        const from = (img * c + ch) * h * w;
        const to = (img * c + ch) * th * tw;
        for (let r = 0; r < th; r++) {
          const y = i + r;
          const row = to + r * tw;
          if (y < 0 || y >= h) {
            out.fill(fill, row, row + tw);
            continue;
          }
          for (let q = 0; q < tw; q++) {
            const x = j + q;
            out[row + q] = x >= 0 && x < w ? src[from + y * w + x]! : fill;
          }
        }
      }
    }
    return imageTensor(image, out, { n, c, h: th, w: tw });
  };
}
