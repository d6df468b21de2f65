import { inflateSync } from 'node:zlib';
import { FormatError } from '@nn/tensor';
import type { GrayImage } from './gray-image.js';
import { CHANNELS, readPngChunks, type PngChunks } from './png-chunks.js';

const OP = 'decodePng';

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Reverses PNG's per-scanline filters in place. `raw` holds `height` lines of `1 + stride` bytes
 * (filter type, then the filtered line); returns the unfiltered lines, `stride` bytes each.
 * @throws FormatError for a filter type other than 0–4.
 */
export function unfilter(raw: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    if (type > 4) throw new FormatError({ op: OP, arg: 'IDAT', expected: 'filter types 0 to 4', got: `filter type ${type} on line ${y}` });
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      const v = raw[src + x]!;
      const predicted = type === 0 ? 0 : type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth(a, b, c);
      out[row + x] = (v + predicted) & 0xff;
    }
  }
  return out;
}

function inflate(idat: Uint8Array, expected: number): Uint8Array {
  let data: Uint8Array;
  try {
    data = inflateSync(idat, { maxOutputLength: expected + 1 });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new FormatError({ op: OP, arg: 'IDAT', expected: `${expected} bytes of image data once inflated`, got: 'more' });
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new FormatError({ op: OP, arg: 'IDAT', expected: `a zlib stream of ${expected} bytes`, got: `one that does not inflate (${why})` });
  }
  if (data.length !== expected) {
    throw new FormatError({ op: OP, arg: 'IDAT', expected: `${expected} bytes of image data once inflated`, got: `${data.length}` });
  }
  return data;
}

/** Reads sample `i` of a line of `depth`-bit samples, big-endian as PNG stores them. */
function sample(line: Uint8Array, offset: number, i: number, depth: number): number {
  if (depth === 8) return line[offset + i]!;
  if (depth === 16) return (line[offset + 2 * i]! << 8) | line[offset + 2 * i + 1]!;
  const perByte = 8 / depth;
  const byte = line[offset + Math.floor(i / perByte)]!;
  const shift = 8 - depth * ((i % perByte) + 1);
  return (byte >> shift) & ((1 << depth) - 1);
}

/** Luma (ITU-R BT.601, as PIL's `convert('L')`) of an RGB triple, composited over white with alpha in [0, 1]. */
function gray(r: number, g: number, b: number, alpha: number): number {
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  return Math.round(y * alpha + 255 * (1 - alpha));
}

function toGray(c: PngChunks, lines: Uint8Array, stride: number): Uint8Array {
  const { width, height, bitDepth: depth, colorType } = c.header;
  const channels = CHANNELS[colorType]!;
  const max = (1 << depth) - 1;
  const scale = (v: number): number => (v * 255) / max;
  const t = c.transparency;
  const key = t === null || colorType === 3 ? null : Array.from({ length: t.length >> 1 }, (_, i) => (t[2 * i]! << 8) | t[2 * i + 1]!);
  const out = new Uint8Array(width * height);
  const px = new Array<number>(channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < channels; k++) px[k] = sample(lines, y * stride, x * channels + k, depth);
      let value: number;
      if (colorType === 3) {
        const i = px[0]!;
        const pal = c.palette!;
        if (3 * i + 2 >= pal.length) {
          throw new FormatError({ op: OP, arg: 'IDAT', expected: `palette indices below ${pal.length / 3}`, got: `index ${i} at (${x}, ${y})` });
        }
        const alpha = t !== null && i < t.length ? t[i]! / 255 : 1;
        value = gray(pal[3 * i]!, pal[3 * i + 1]!, pal[3 * i + 2]!, alpha);
      } else if (colorType === 0 || colorType === 4) {
        const transparent = key !== null && key.length === 1 && px[0] === key[0];
        const alpha = colorType === 4 ? px[1]! / max : transparent ? 0 : 1;
        const v = scale(px[0]!);
        value = gray(v, v, v, alpha);
      } else {
        const transparent = key !== null && key.length === 3 && px[0] === key[0] && px[1] === key[1] && px[2] === key[2];
        const alpha = colorType === 6 ? px[3]! / max : transparent ? 0 : 1;
        value = gray(scale(px[0]!), scale(px[1]!), scale(px[2]!), alpha);
      }
      out[y * width + x] = value;
    }
  }
  return out;
}

/**
 * Decodes a PNG file into 8-bit grayscale: every colour type (gray, RGB, palette, gray + alpha,
 * RGBA) and bit depth (1–16), non-interlaced. Colour becomes luma (0.299 R + 0.587 G + 0.114 B);
 * transparent pixels (alpha, or tRNS) are composited over white, so black ink on a transparent
 * canvas reads as black on white. 16-bit samples are scaled to 8 bits.
 * @throws FormatError for a malformed file (signature, chunk CRC, header, palette, zlib data,
 *   filter types, sizes), naming the chunk at fault; nothing large is allocated before sizes are checked.
 */
export function decodePng(bytes: Uint8Array): GrayImage {
  const chunks = readPngChunks(bytes);
  const { width, height, bitDepth, colorType } = chunks.header;
  const bitsPerPixel = CHANNELS[colorType]! * bitDepth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const raw = inflate(chunks.idat, height * (stride + 1));
  const lines = unfilter(raw, height, stride, bpp);
  return { width, height, pixels: toGray(chunks, lines, stride) };
}
