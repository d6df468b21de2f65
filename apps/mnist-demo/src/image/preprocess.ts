import type { FitMode, InvertMode } from '../args.js';
import type { GrayImage } from './gray-image.js';
import { resize, type FloatImage } from './resize.js';

/** The side of an MNIST image. */
const SIDE = 28;
/** MNIST fits each digit into a 20×20 box inside the 28×28 field. */
const BOX = 20;

/** A digit ready for the model, and what was done to get there. */
export interface PreparedDigit {
  /** 784 values in [0, 1], row-major, white digit on black (as the datasets give them). */
  pixels: Float32Array;
  inverted: boolean;
  /** `'as-is'` (already 28×28), `'mnist'` (cropped, scaled into 20×20, centred by mass) or `'resize'`. */
  fit: 'as-is' | 'mnist' | 'resize';
}

/** Mean of the outermost pixels: above mid-gray means a light background. */
export function borderMean(img: FloatImage): number {
  const { width: w, height: h, data } = img;
  let sum = 0;
  let n = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y === 0 || y === h - 1 || x === 0 || x === w - 1) {
        sum += data[y * w + x]!;
        n++;
      }
    }
  }
  return sum / n;
}

/** Bounding box of the pixels at least `threshold`, or null if there are none. */
function inkBox(img: FloatImage, threshold: number): { x0: number; y0: number; x1: number; y1: number } | null {
  let [x0, y0, x1, y1] = [img.width, img.height, -1, -1];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x]! >= threshold) {
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

function crop(img: FloatImage, x0: number, y0: number, width: number, height: number): FloatImage {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + width), y * width);
  return { width, height, data };
}

/**
 * MNIST's own preprocessing, for a white-on-black digit of any size: crop to the ink (pixels at
 * least 15% of the brightest), scale it (aspect kept) so its longer side is 20 pixels, and paste it
 * into a black 28×28 field so that its centre of mass is at the centre. A blank image is resized.
 */
export function fitLikeMnist(img: FloatImage): FloatImage {
  const max = img.data.reduce((m, v) => Math.max(m, v), 0);
  const box = max < 16 ? null : inkBox(img, 0.15 * max);
  if (box === null) return resize(img, SIDE, SIDE);
  const w = box.x1 - box.x0 + 1;
  const h = box.y1 - box.y0 + 1;
  const longer = Math.max(w, h);
  const digit = resize(crop(img, box.x0, box.y0, w, h), Math.max(1, Math.round((w * BOX) / longer)), Math.max(1, Math.round((h * BOX) / longer)));
  let [mass, mx, my] = [0, 0, 0];
  for (let y = 0; y < digit.height; y++) {
    for (let x = 0; x < digit.width; x++) {
      const v = digit.data[y * digit.width + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  const clampOffset = (o: number, size: number): number => Math.min(SIDE - size, Math.max(0, o));
  const ox = clampOffset(Math.round(SIDE / 2 - mx / mass), digit.width);
  const oy = clampOffset(Math.round(SIDE / 2 - my / mass), digit.height);
  const data = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < digit.height; y++) data.set(digit.data.subarray(y * digit.width, (y + 1) * digit.width), (oy + y) * SIDE + ox);
  return { width: SIDE, height: SIDE, data };
}

/**
 * Turns a decoded image into the model's input: inverted if it is dark-on-light (`invert: 'auto'`
 * decides by the border: MNIST digits are white on black), brought to 28×28 (`fit`), rounded to
 * whole gray levels like the uint8 datasets, and scaled to [0, 1].
 */
export function prepareDigit(img: GrayImage, options: { invert: InvertMode; fit: FitMode }): PreparedDigit {
  let f: FloatImage = { width: img.width, height: img.height, data: Float32Array.from(img.pixels) };
  const inverted = options.invert === 'yes' || (options.invert === 'auto' && borderMean(f) > 127.5);
  if (inverted) f = { ...f, data: f.data.map((v) => 255 - v) };
  const exact = img.width === SIDE && img.height === SIDE;
  const fit = options.fit === 'auto' ? (exact ? 'as-is' : 'mnist') : options.fit;
  if (fit === 'mnist') f = fitLikeMnist(f);
  else if (fit === 'resize') f = resize(f, SIDE, SIDE);
  const pixels = new Float32Array(SIDE * SIDE);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(255, Math.max(0, Math.round(f.data[i]!))) / 255;
  return { pixels, inverted, fit };
}

/** A 28×28 digit as 14 lines of text (two pixel rows per line), to show what the model sees. */
export function asciiArt(pixels: Float32Array): string[] {
  const ramp = ' .:-=+*#%@';
  const lines: string[] = [];
  for (let y = 0; y < SIDE; y += 2) {
    let line = '';
    for (let x = 0; x < SIDE; x++) {
      const v = (pixels[y * SIDE + x]! + pixels[(y + 1) * SIDE + x]!) / 2;
      line += ramp[Math.min(ramp.length - 1, Math.floor(v * ramp.length))];
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
