import { deflateSync } from 'node:zlib';
import { crc32 } from '../../src/image/crc32.js';

/** A PNG chunk: length, type, data, CRC (the CRC can be overridden to make a corrupt file). */
export function chunk(type: string, data: Uint8Array, crc?: number): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc ?? crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function ihdr(width: number, height: number, bitDepth: number, colorType: number, interlace = 0): Uint8Array {
  const d = new Uint8Array(13);
  const v = new DataView(d.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  d.set([bitDepth, colorType, 0, 0, interlace], 8);
  return d;
}

export const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Prefixes each `stride`-byte line with `filter` (0 = none), applying filter 1 (Sub) or 2 (Up) when asked. */
export function filterLines(lines: Uint8Array, height: number, stride: number, bpp: number, filter = 0): Uint8Array {
  const out = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    out[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const v = lines[y * stride + x]!;
      const a = x >= bpp ? lines[y * stride + x - bpp]! : 0;
      const b = y > 0 ? lines[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? lines[(y - 1) * stride + x - bpp]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * (stride + 1) + 1 + x] = (v - pred) & 0xff;
    }
  }
  return out;
}

export interface PngSpec {
  width: number;
  height: number;
  bitDepth?: number;
  colorType?: number;
  /** Unfiltered scanline bytes. */
  lines: Uint8Array;
  filter?: number;
  palette?: Uint8Array;
  trns?: Uint8Array;
  /** Split the zlib stream into this many IDAT chunks. */
  idats?: number;
}

/** Encodes a PNG from raw scanlines. */
export function encodePng(spec: PngSpec): Uint8Array {
  const depth = spec.bitDepth ?? 8;
  const ct = spec.colorType ?? 0;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[ct]!;
  const stride = Math.ceil((spec.width * channels * depth) / 8);
  const bpp = Math.max(1, (channels * depth) >> 3);
  const z = deflateSync(filterLines(spec.lines, spec.height, stride, bpp, spec.filter ?? 0));
  const parts = [SIGNATURE, chunk('IHDR', ihdr(spec.width, spec.height, depth, ct))];
  if (spec.palette) parts.push(chunk('PLTE', spec.palette));
  if (spec.trns) parts.push(chunk('tRNS', spec.trns));
  parts.push(chunk('tEXt', new TextEncoder().encode('Comment\0made by a test')));
  const n = spec.idats ?? 1;
  const size = Math.ceil(z.length / n);
  for (let i = 0; i < n; i++) parts.push(chunk('IDAT', z.subarray(i * size, Math.min(z.length, (i + 1) * size))));
  parts.push(chunk('IEND', new Uint8Array(0)));
  return concat(...parts);
}

/** An 8-bit grayscale PNG of `pixels` (row-major), Paeth-filtered. */
export function grayPng(width: number, height: number, pixels: Uint8Array, filter = 4): Uint8Array {
  return encodePng({ width, height, lines: pixels, filter });
}
