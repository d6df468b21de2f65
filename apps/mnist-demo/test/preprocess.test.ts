import { describe, expect, it } from 'vitest';
import { asciiArt, borderMean, fitLikeMnist, prepareDigit } from '../src/image/preprocess.js';
import { resize, type FloatImage } from '../src/image/resize.js';

/** A white-on-black 28×28 "digit": a ring. */
const ring = Uint8Array.from({ length: 784 }, (_, i) => {
  const [y, x] = [Math.floor(i / 28), i % 28];
  const r = Math.hypot(x - 13.5, y - 13.5);
  return r > 5 && r < 8 ? 255 : r >= 8 && r < 9 ? 120 : 0;
});

function image(width: number, height: number, f: (x: number, y: number) => number): FloatImage {
  return { width, height, data: Float32Array.from({ length: width * height }, (_, i) => f(i % width, Math.floor(i / width))) };
}

describe('prepareDigit', () => {
  it('keeps a white-on-black 28×28 image exactly (fit auto, invert auto)', () => {
    const d = prepareDigit({ width: 28, height: 28, pixels: ring }, { invert: 'auto', fit: 'auto' });
    expect(d.fit).toBe('as-is');
    expect(d.inverted).toBe(false);
    expect(Array.from(d.pixels)).toEqual(Array.from(ring, (v) => Math.fround(v / 255)));
  });

  it('inverts a black-on-white image back exactly (auto decides by the border)', () => {
    const inverse = ring.map((v) => 255 - v);
    const d = prepareDigit({ width: 28, height: 28, pixels: inverse }, { invert: 'auto', fit: 'auto' });
    expect(d.inverted).toBe(true);
    expect(Array.from(d.pixels)).toEqual(Array.from(ring, (v) => Math.fround(v / 255)));
    expect(prepareDigit({ width: 28, height: 28, pixels: inverse }, { invert: 'no', fit: 'auto' }).inverted).toBe(false);
    expect(prepareDigit({ width: 28, height: 28, pixels: ring }, { invert: 'yes', fit: 'auto' }).inverted).toBe(true);
  });

  it('fits an image of another size like MNIST, or stretches it with --fit resize', () => {
    const big = Uint8Array.from({ length: 56 * 56 }, (_, i) => ring[Math.floor(Math.floor(i / 56) / 2) * 28 + Math.floor((i % 56) / 2)]!);
    const fitted = prepareDigit({ width: 56, height: 56, pixels: big }, { invert: 'auto', fit: 'auto' });
    expect(fitted.fit).toBe('mnist');
    const stretched = prepareDigit({ width: 56, height: 56, pixels: big }, { invert: 'auto', fit: 'resize' });
    expect(stretched.fit).toBe('resize');
    // 2×2 blocks shrink back to the original pixels.
    let maxError = 0;
    for (let i = 0; i < 784; i++) maxError = Math.max(maxError, Math.abs(stretched.pixels[i]! * 255 - ring[i]!));
    expect(maxError).toBeLessThanOrEqual(128);
    expect(Math.max(...stretched.pixels)).toBe(1);
  });
});

describe('resize', () => {
  it('is the identity at the same size and keeps a constant image constant', () => {
    const img = image(7, 5, (x, y) => x * 10 + y);
    expect(resize(img, 7, 5).data).toEqual(img.data);
    for (const [w, h] of [[28, 28], [3, 2], [50, 9]] as const) {
      const out = resize(image(13, 17, () => 200), w, h);
      for (const v of out.data) expect(v).toBeCloseTo(200, 3);
    }
  });

  it('shrinking by 2 averages blocks of a checkerboard to mid-gray (antialiased)', () => {
    const out = resize(image(40, 40, (x, y) => ((x + y) % 2) * 255), 20, 20);
    // Inside (the filter's taps all within the image) exactly the mean; at the edges within 3%.
    for (let y = 1; y < 19; y++) for (let x = 1; x < 19; x++) expect(out.data[y * 20 + x]).toBeCloseTo(127.5, 3);
    for (const v of out.data) expect(Math.abs(v - 127.5)).toBeLessThan(4);
  });

  it('a linear ramp stays a linear ramp when enlarged (inside the edges)', () => {
    const out = resize(image(4, 1, (x) => x * 10), 8, 1);
    expect(Array.from(out.data.subarray(1, 7)).map((v) => +v.toFixed(3))).toEqual([2.5, 7.5, 12.5, 17.5, 22.5, 27.5]);
  });
});

describe('fitLikeMnist', () => {
  it('scales the ink into 20 pixels and centres its mass', () => {
    // A 100×50 white block in the corner of a 200×200 black image.
    const img = image(200, 200, (x, y) => (x >= 10 && x < 110 && y >= 5 && y < 55 ? 255 : 0));
    const out = fitLikeMnist(img);
    expect([out.width, out.height]).toEqual([28, 28]);
    let [mass, mx, my] = [0, 0, 0];
    let [x0, x1, y0, y1] = [28, -1, 28, -1];
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        const v = out.data[y * 28 + x]!;
        if (v > 127) [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
        mass += v;
        mx += v * (x + 0.5);
        my += v * (y + 0.5);
      }
    }
    expect([x1 - x0 + 1, y1 - y0 + 1]).toEqual([20, 10]);
    expect(Math.abs(mx / mass - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(my / mass - 14)).toBeLessThanOrEqual(0.5);
  });

  it('a blank image stays blank', () => {
    expect(Math.max(...fitLikeMnist(image(50, 60, () => 0)).data)).toBe(0);
  });

  it('borderMean reads the frame only', () => {
    expect(borderMean(image(5, 5, (x, y) => (x === 0 || y === 0 || x === 4 || y === 4 ? 255 : 0)))).toBe(255);
  });
});

describe('asciiArt', () => {
  it('draws 14 lines of at most 28 characters, ink as dense characters', () => {
    const art = asciiArt(Float32Array.from(ring, (v) => v / 255));
    expect(art).toHaveLength(14);
    expect(Math.max(...art.map((l) => l.length))).toBeLessThanOrEqual(28);
    expect(art.join('')).toContain('@');
    expect(art[0]).toBe('');
  });
});
