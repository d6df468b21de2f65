import { deflateSync } from 'node:zlib';
import { FormatError } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../src/image/crc32.js';
import { decodeImage } from '../src/image/decode.js';
import { decodePng } from '../src/image/png.js';
import { chunk, concat, encodePng, grayPng, ihdr, SIGNATURE } from './support/png-encoder.js';

const pixels = Uint8Array.from({ length: 5 * 4 }, (_, i) => (i * 37 + 11) % 256);

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('decodePng: valid files', () => {
  it.each([0, 1, 2, 3, 4])('8-bit gray with filter type %i, split over 3 IDATs', (filter) => {
    const png = encodePng({ width: 5, height: 4, lines: pixels, filter, idats: 3 });
    expect(decodePng(png)).toEqual({ width: 5, height: 4, pixels });
  });

  it('1-, 2- and 4-bit gray samples are scaled to 0–255', () => {
    // 1-bit: 10110000 → 255 0 255 255 0 (5 pixels)
    expect(decodePng(encodePng({ width: 5, height: 1, bitDepth: 1, lines: Uint8Array.of(0b10110000) })).pixels).toEqual(Uint8Array.of(255, 0, 255, 255, 0));
    expect(decodePng(encodePng({ width: 3, height: 1, bitDepth: 2, lines: Uint8Array.of(0b00011011) })).pixels).toEqual(Uint8Array.of(0, 85, 170));
    expect(decodePng(encodePng({ width: 3, height: 1, bitDepth: 4, lines: Uint8Array.of(0x0f, 0x70) })).pixels).toEqual(Uint8Array.of(0, 255, 119));
  });

  it('16-bit gray keeps the nearest 8-bit level', () => {
    const lines = Uint8Array.of(0xff, 0xff, 0x80, 0x00, 0x00, 0x00);
    expect(decodePng(encodePng({ width: 3, height: 1, bitDepth: 16, lines })).pixels).toEqual(Uint8Array.of(255, 128, 0));
  });

  it('RGB becomes luma 0.299 R + 0.587 G + 0.114 B', () => {
    const lines = Uint8Array.of(255, 0, 0, 0, 255, 0, 0, 0, 255, 200, 200, 200);
    expect(decodePng(encodePng({ width: 4, height: 1, colorType: 2, lines, filter: 1 })).pixels).toEqual(Uint8Array.of(76, 150, 29, 200));
    const wide = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    expect(decodePng(encodePng({ width: 1, height: 1, colorType: 2, bitDepth: 16, lines: wide })).pixels).toEqual(Uint8Array.of(255));
  });

  it('alpha composites over white (gray + alpha, RGBA)', () => {
    // black, opaque → 0; black, transparent → 255; black, half → 128
    const ga = Uint8Array.of(0, 255, 0, 0, 0, 128);
    expect(decodePng(encodePng({ width: 3, height: 1, colorType: 4, lines: ga })).pixels).toEqual(Uint8Array.of(0, 255, 127));
    const rgba = Uint8Array.of(10, 10, 10, 255, 10, 10, 10, 0);
    expect(decodePng(encodePng({ width: 2, height: 1, colorType: 6, lines: rgba, filter: 4 })).pixels).toEqual(Uint8Array.of(10, 255));
  });

  it('palettes, with tRNS alpha, at 8 and 4 bits', () => {
    const palette = Uint8Array.of(0, 0, 0, 255, 255, 255, 100, 100, 100);
    const trns = Uint8Array.of(255, 255, 0);
    expect(decodePng(encodePng({ width: 3, height: 1, colorType: 3, palette, trns, lines: Uint8Array.of(0, 1, 2) })).pixels).toEqual(Uint8Array.of(0, 255, 255));
    expect(decodePng(encodePng({ width: 3, height: 1, colorType: 3, bitDepth: 4, palette, lines: Uint8Array.of(0x21, 0x00) })).pixels).toEqual(Uint8Array.of(100, 255, 0));
  });

  it('tRNS colour keys make matching gray or RGB pixels transparent', () => {
    expect(decodePng(encodePng({ width: 2, height: 1, lines: Uint8Array.of(7, 8), trns: Uint8Array.of(0, 7) })).pixels).toEqual(Uint8Array.of(255, 8));
    const rgb = Uint8Array.of(1, 2, 3, 1, 2, 4);
    expect(decodePng(encodePng({ width: 2, height: 1, colorType: 2, lines: rgb, trns: Uint8Array.of(0, 1, 0, 2, 0, 3) })).pixels[0]).toBe(255);
  });

  it('decodeImage recognises a PNG by its bytes', () => {
    expect(decodeImage(grayPng(5, 4, pixels)).pixels).toEqual(pixels);
  });
});

/** A valid 2×2 gray PNG's parts, to break one at a time. */
const Z = deflateSync(Uint8Array.of(0, 1, 2, 0, 3, 4));
const HDR = chunk('IHDR', ihdr(2, 2, 8, 0));
const DATA = chunk('IDAT', Z);
const END = chunk('IEND', new Uint8Array(0));
const withHeader = (width: number, height: number, depth: number, ct: number, interlace = 0): Uint8Array =>
  concat(SIGNATURE, chunk('IHDR', ihdr(width, height, depth, ct, interlace)), DATA, END);

const MALFORMED: [string, Uint8Array, string][] = [
  ['an empty file', new Uint8Array(0), 'decodePng(signature): expected the 8-byte PNG signature'],
  ['a wrong signature', concat(Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 0), HDR, DATA, END), 'PNG signature'],
  ['the signature only', SIGNATURE, 'an IEND chunk before the end of the file'],
  ['a truncated chunk', concat(SIGNATURE, HDR, DATA.subarray(0, 15)), 'decodePng(IDAT): expected a chunk within the file'],
  ['a file cut after IDAT', concat(SIGNATURE, HDR, DATA), 'an IEND chunk before the end of the file, got a truncated file'],
  ['a corrupt IHDR CRC', concat(SIGNATURE, chunk('IHDR', ihdr(2, 2, 8, 0), 1234), DATA, END), 'IHDR.crc'],
  ['a flipped byte in IDAT', (() => { const b = concat(SIGNATURE, HDR, DATA, END); b[8 + 25 + 10]! ^= 1; return b; })(), 'IDAT.crc'],
  ['IDAT before IHDR', concat(SIGNATURE, DATA, HDR, END), 'IHDR as the first chunk, got IDAT'],
  ['a 12-byte IHDR', concat(SIGNATURE, chunk('IHDR', ihdr(2, 2, 8, 0).subarray(0, 12)), DATA, END), 'a 13-byte IHDR chunk'],
  ['a zero width', withHeader(0, 2, 8, 0), 'got 0×2'],
  ['a huge image', withHeader(30000, 30000, 8, 0), 'at most 67108864 pixels'],
  ['colour type 1', withHeader(2, 2, 8, 1), 'IHDR.colorType'],
  ['a 4-bit RGB image', withHeader(2, 2, 4, 2), 'IHDR.bitDepth): expected one of 8, 16 for colour type 2'],
  ['a 16-bit palette', withHeader(2, 2, 16, 3), 'IHDR.bitDepth'],
  ['compression method 1', concat(SIGNATURE, chunk('IHDR', Uint8Array.from([...ihdr(2, 2, 8, 0).subarray(0, 10), 1, 0, 0])), DATA, END), 'IHDR.compression'],
  ['filter method 1', concat(SIGNATURE, chunk('IHDR', Uint8Array.from([...ihdr(2, 2, 8, 0).subarray(0, 11), 1, 0])), DATA, END), 'IHDR.filter'],
  ['interlace method 2', withHeader(2, 2, 8, 0, 2), 'IHDR.interlace): expected 0 or 1'],
  ['an interlaced image', withHeader(2, 2, 8, 0, 1), 'a non-interlaced PNG, got an Adam7-interlaced one. Save the image again without interlacing'],
  ['a palette image without PLTE', withHeader(2, 2, 8, 3), 'a palette for colour type 3'],
  ['a PLTE of 4 bytes', concat(SIGNATURE, chunk('IHDR', ihdr(2, 2, 8, 3)), chunk('PLTE', new Uint8Array(4)), DATA, END), 'PLTE): expected 1 to 256 RGB entries'],
  ['no IDAT', concat(SIGNATURE, HDR, END), 'at least one IDAT chunk'],
  ['IDATs split by another chunk', concat(SIGNATURE, HDR, chunk('IDAT', Z.subarray(0, 4)), chunk('tEXt', Uint8Array.of(65, 0, 66)), chunk('IDAT', Z.subarray(4)), END), 'consecutive IDAT chunks'],
  ['two IHDRs', concat(SIGNATURE, HDR, HDR, DATA, END), 'a single IHDR chunk'],
  ['an unknown critical chunk', concat(SIGNATURE, HDR, chunk('ZZZZ', new Uint8Array(0)), DATA, END), 'critical chunk ZZZZ'],
  ['a chunk type with a digit', concat(SIGNATURE, HDR, chunk('ab1d', new Uint8Array(0)), DATA, END), 'a 4-letter chunk type'],
  ['garbage instead of zlib', concat(SIGNATURE, HDR, chunk('IDAT', Uint8Array.of(1, 2, 3, 4, 5)), END), 'IDAT): expected a zlib stream of 6 bytes, got one that does not inflate'],
  ['too little image data', concat(SIGNATURE, HDR, chunk('IDAT', deflateSync(Uint8Array.of(0, 1, 2))), END), 'expected 6 bytes of image data once inflated, got 3'],
  ['too much image data', concat(SIGNATURE, HDR, chunk('IDAT', deflateSync(new Uint8Array(100))), END), 'expected 6 bytes of image data once inflated, got more'],
  ['filter type 5', concat(SIGNATURE, HDR, chunk('IDAT', deflateSync(Uint8Array.of(0, 1, 2, 5, 3, 4))), END), 'filter types 0 to 4, got filter type 5 on line 1'],
  ['a palette index past the palette', concat(SIGNATURE, chunk('IHDR', ihdr(2, 2, 8, 3)), chunk('PLTE', new Uint8Array(6)), DATA, END), 'palette indices below 2, got index 2 at (1, 0)'],
];

describe('decodePng: malformed files', () => {
  it.each(MALFORMED)('%s → FormatError', (_, bytes, message) => {
    expect(() => decodePng(bytes)).toThrow(FormatError);
    expect(() => decodePng(bytes)).toThrow(message);
  });

  it('the valid base of those cases decodes', () => {
    expect(decodePng(concat(SIGNATURE, HDR, DATA, END)).pixels).toEqual(Uint8Array.of(1, 2, 3, 4));
  });

  it('a JPEG or unknown bytes are named', () => {
    expect(() => decodeImage(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toThrow('decodeImage: expected a PNG or PGM image, got a JPEG');
    expect(() => decodeImage(new TextEncoder().encode('hello'))).toThrow('got an unknown format');
    expect(() => decodeImage(new Uint8Array(0))).toThrow(FormatError);
  });
});
