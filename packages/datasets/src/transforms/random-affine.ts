import { ArgumentError, type Generator } from '@nn/tensor';
import { checkFinite, checkOptions, resolveGenerator, show } from '../dataset/validate.js';
import { allocateLike, hostValues, imageLayout, imageTensor, type Transform } from './transform.js';

/** Options of `randomAffine`. @category Transforms */
export interface RandomAffineOptions {
  /**
   * Rotation range in degrees: `d` draws an angle in `[−d, d]`, `[lo, hi]` in `[lo, hi]` (default 0:
   * no rotation). Positive angles turn the image clockwise as displayed (rows going down).
   */
  degrees?: number | readonly [number, number];
  /**
   * Maximal shifts as fractions of the width and height: the shift is drawn in `[−fx·W, fx·W]` ×
   * `[−fy·H, fy·H]` pixels (default `[0, 0]`). Positive shifts move the content right and down.
   */
  translate?: readonly [number, number];
  /** Scale range `[lo, hi]`, `0 < lo ≤ hi` (default `[1, 1]`); > 1 enlarges the content. */
  scale?: readonly [number, number];
  /** Value of the pixels that come from outside the image (default 0). */
  fill?: number;
  /** Random source (default: the default generator, seeded by `manualSeed`). */
  generator?: Generator;
}

function range(
  op: string,
  arg: string,
  value: unknown,
  fallback: [number, number],
  positive: boolean,
): [number, number] {
  if (value === undefined) return fallback;
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v) && (!positive || v > 0)) &&
    (value[0] as number) <= (value[1] as number);
  if (!ok) {
    throw new ArgumentError({
      op,
      arg,
      expected: `a range [lo, hi] of finite numbers${positive ? ' > 0' : ''} with lo ≤ hi`,
      got: show(value),
    });
  }
  return [value[0] as number, value[1] as number];
}

/** cos / sin with values within 1e-12 of 0 or ±1 snapped to them, so right angles are exact. */
function snap(v: number): number {
  if (Math.abs(v) < 1e-12) return 0;
  if (Math.abs(Math.abs(v) - 1) < 1e-12) return Math.sign(v);
  return v;
}

/**
 * Random rotation, shift and scale about the image centre, with bilinear sampling (torchvision's
 * `RandomAffine` without shear). For each image (each image of a batch independently) it draws,
 * in this order, an angle in `degrees`, a horizontal and a vertical shift within `translate`, and a
 * scale factor in `scale` (always four numbers per image), then computes every output pixel from
 * the input by the inverse map: `src = centre + R(−angle) · (dst − centre − shift) / scale`, where
 * the centre is `((W − 1) / 2, (H − 1) / 2)` in pixel coordinates. Pixels whose bilinear
 * neighbours fall outside the image mix in `fill`.
 *
 * Conventions, compared with torchvision: a positive angle rotates clockwise as displayed, the same
 * direction as torchvision's `RandomAffine` / `F.affine` (and the opposite of `F.rotate`); shifts
 * are continuous (torchvision rounds them to whole pixels) and sampling is bilinear (torchvision's
 * default is nearest). With angle 0, no shift and scale 1 the image is returned bit-exact.
 *
 * Runs on the host, on the typed array of the image (one read, one output array, no allocation
 * per pixel); the backend must support synchronous reads (the CPU backend does).
 *
 * `image: [C, H, W] → [C, H, W]`; `batch: [N, C, H, W] → [N, C, H, W]` (same dtype)
 *
 * @param options - `degrees`, `translate`, `scale`, `fill`, `generator` (see {@link RandomAffineOptions}).
 * @returns the transform; it throws `DTypeError` for a non-float image and `ShapeError` for a
 *   rank other than 3 or 4.
 * @throws `ArgumentError` for a negative `degrees`, a range with lo > hi, translate fractions
 *   outside `[0, 1]`, a scale ≤ 0, a non-finite fill, or an unknown option.
 * @example
 * ```ts
 * const x = tensor([[[0, 1, 0], [0, 0, 0], [0, 0, 0]]]);  // one bright pixel, top centre
 * randomAffine({ degrees: [90, 90] })(x).toArray();         // [[[0, 0, 0], [0, 0, 1], [0, 0, 0]]]
 * randomAffine({ degrees: 0 })(x).toArray();                // [[[0, 1, 0], [0, 0, 0], [0, 0, 0]]]
 * const augment = randomAffine({ degrees: 15, translate: [0.1, 0.1], scale: [0.9, 1.1], generator: new Generator(1) });
 * augment(rand([8, 1, 28, 28])).shape;                      // [8, 1, 28, 28]
 * randomAffine({ scale: [1.2, 0.8] });                      // throws ArgumentError
 * ```
 * @category Transforms
 */
export function randomAffine(options: RandomAffineOptions = {}): Transform {
  const op = 'randomAffine';
  const o = checkOptions(op, options, ['degrees', 'translate', 'scale', 'fill', 'generator']);
  let degrees: [number, number];
  if (typeof o.degrees === 'number') {
    if (!Number.isFinite(o.degrees) || o.degrees < 0) {
      throw new ArgumentError({
        op,
        arg: 'options.degrees',
        expected: 'a finite number ≥ 0 or a range [lo, hi]',
        got: show(o.degrees),
      });
    }
    degrees = [-o.degrees, o.degrees];
  } else degrees = range(op, 'options.degrees', o.degrees, [0, 0], false);
  const t = (o.translate ?? [0, 0]) as unknown;
  if (!Array.isArray(t) || t.length !== 2 || t.some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1))) {
    throw new ArgumentError({
      op,
      arg: 'options.translate',
      expected: 'fractions [fx, fy], each in [0, 1]',
      got: show(t),
    });
  }
  const [fx, fy] = t as [number, number];
  const scale = range(op, 'options.scale', o.scale, [1, 1], true);
  const fill = checkFinite(op, 'options.fill', o.fill ?? 0);
  const generator = resolveGenerator(op, o.generator);

  return (image) => {
    const layout = imageLayout(op, image);
    const { n, c, h, w } = layout;
    const src = hostValues(image);
    const out = allocateLike(image, src.length);
    const hw = h * w;
    const cx = (w - 1) / 2;
    const cy = (h - 1) / 2;
    for (let img = 0; img < n; img++) {
      const angle = degrees[0] + generator.random() * (degrees[1] - degrees[0]);
      const tx = (2 * generator.random() - 1) * fx * w;
      const ty = (2 * generator.random() - 1) * fy * h;
      const s = scale[0] + generator.random() * (scale[1] - scale[0]);
      const rad = (angle * Math.PI) / 180;
      const cos = snap(Math.cos(rad)) / s;
      const sin = snap(Math.sin(rad)) / s;
      // src = (cx, cy) + [[cos, sin], [−sin, cos]] · (dst − (cx + tx, cy + ty)), cos/sin already / s.
      const ox = cx + tx;
      const oy = cy + ty;
      const base = img * c * hw;
      if (cos === 1 && sin === 0 && tx === 0 && ty === 0) {
        out.set(src.subarray(base, base + c * hw), base); // the identity: an exact copy
        continue;
      }
      for (let v = 0; v < h; v++) {
        const dy = v - oy;
        for (let u = 0; u < w; u++) {
          const dx = u - ox;
          const sx = cx + cos * dx + sin * dy;
          const sy = cy - sin * dx + cos * dy;
          const x0 = Math.floor(sx);
          const y0 = Math.floor(sy);
          const o = base + v * w + u;
          if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
            for (let ch = 0; ch < c; ch++) out[o + ch * hw] = fill;
            continue;
          }
          const ax = sx - x0;
          const ay = sy - y0;
          const w00 = (1 - ax) * (1 - ay);
          const w10 = ax * (1 - ay);
          const w01 = (1 - ax) * ay;
          const w11 = ax * ay;
          const inX0 = x0 >= 0;
          const inX1 = x0 + 1 < w;
          const inY0 = y0 >= 0;
          const inY1 = y0 + 1 < h;
          const p = base + y0 * w + x0;
          for (let ch = 0; ch < c; ch++) {
            const q = p + ch * hw;
            const v00 = inX0 && inY0 ? src[q]! : fill;
            const v10 = inX1 && inY0 ? src[q + 1]! : fill;
            const v01 = inX0 && inY1 ? src[q + w]! : fill;
            const v11 = inX1 && inY1 ? src[q + w + 1]! : fill;
            out[o + ch * hw] = w00 * v00 + w10 * v10 + w01 * v01 + w11 * v11;
          }
        }
      }
    }
    return imageTensor(image, out, layout);
  };
}
