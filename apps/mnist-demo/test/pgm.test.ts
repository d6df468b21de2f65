import { FormatError } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../src/image/decode.js';
import { decodePgm } from '../src/image/pgm.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const p5 = (header: string, data: number[]): Uint8Array => Uint8Array.from([...ascii(header), ...data]);

describe('decodePgm: valid files', () => {
  it('P5 (binary), 8-bit', () => {
    expect(decodePgm(p5('P5\n3 2\n255\n', [0, 1, 2, 253, 254, 255]))).toEqual({ width: 3, height: 2, pixels: Uint8Array.of(0, 1, 2, 253, 254, 255) });
  });

  it('P5 with comments anywhere in the header and a maxval below 255', () => {
    expect(decodePgm(p5('P5 # made by hand\n# another\n2 # width\n1\n15\r', [0, 15])).pixels).toEqual(Uint8Array.of(0, 255));
    expect(decodePgm(p5('P5\n3 1\n4\n', [0, 1, 2])).pixels).toEqual(Uint8Array.of(0, 64, 128));
  });

  it('P5, 16-bit big-endian (maxval > 255)', () => {
    expect(decodePgm(p5('P5\n2 1\n65535\n', [0xff, 0xff, 0x80, 0x00])).pixels).toEqual(Uint8Array.of(255, 128));
  });

  it('P2 (plain), with comments between samples; extra bytes after the image are ignored', () => {
    expect(decodePgm(ascii('P2\n# hi\n3 2 9\n0 1 2\n# mid\n3 4 9\n')).pixels).toEqual(Uint8Array.of(0, 28, 57, 85, 113, 255));
    expect(decodePgm(p5('P5\n1 1\n255\n', [7, 1, 2, 3])).pixels).toEqual(Uint8Array.of(7));
  });

  it('decodeImage recognises a PGM by its bytes', () => {
    expect(decodeImage(p5('P5 1 1 255 ', [9])).pixels).toEqual(Uint8Array.of(9));
  });
});

const MALFORMED: [string, Uint8Array, string][] = [
  ['an empty file', new Uint8Array(0), 'decodePgm(magic): expected P2 or P5 (PGM), got a file shorter than 2 bytes'],
  ['another magic', ascii('XY 1 1 255 a'), 'got "XY"'],
  ['a PPM', ascii('P6\n1 1\n255\nabc'), 'expected P2 or P5 (PGM), got P6 (PPM). Convert the image to grayscale PGM or PNG'],
  ['a PBM', ascii('P1\n1 1\n1'), 'got P1 (PBM)'],
  ['no whitespace after the magic', ascii('P5x 1 1 255 a'), 'whitespace after the magic number'],
  ['a zero width', ascii('P5\n0 1\n255\n'), 'decodePgm(width): expected an integer from 1 to 32768, got "0"'],
  ['a negative height', ascii('P5\n1 -1\n255\n'), 'decodePgm(height): expected an integer from 1 to 32768, got "-1"'],
  ['a non-numeric width', ascii('P2\nabc 1\n255\n0'), 'decodePgm(width)'],
  ['a header cut short', ascii('P5\n3'), 'decodePgm(height): expected an integer from 1 to 32768, got the end of the file'],
  ['too many pixels', ascii('P5\n30000 30000\n255\n'), 'at most 67108864 pixels'],
  ['maxval 0', ascii('P5\n1 1\n0\n'), 'decodePgm(maxval): expected an integer from 1 to 65535, got "0"'],
  ['maxval 70000', ascii('P5\n1 1\n70000\n'), 'maxval'],
  ['no byte after maxval', ascii('P5\n1 1\n255'), 'one whitespace byte after maxval'],
  ['truncated P5 data', p5('P5\n3 2\n255\n', [1, 2, 3]), 'decodePgm(data): expected 6 bytes of samples (3×2), got 3 (truncated)'],
  ['truncated 16-bit data', p5('P5\n2 1\n1000\n', [0, 1, 2]), 'expected 4 bytes of samples (2×1, 16-bit), got 3'],
  ['a P5 sample above maxval', p5('P5\n2 1\n100\n', [50, 101]), 'samples at most maxval 100, got 101 at pixel 1'],
  ['too few P2 samples', ascii('P2\n2 2\n255\n1 2 3'), 'decodePgm(pixel 3): expected an integer from 0 to 255, got the end of the file'],
  ['a P2 sample above maxval', ascii('P2\n2 1\n10\n1 11'), 'decodePgm(pixel 1): expected an integer from 0 to 10, got "11"'],
  ['a non-numeric P2 sample', ascii('P2\n2 1\n10\n1 x'), 'got "x"'],
];

describe('decodePgm: malformed files', () => {
  it.each(MALFORMED)('%s → FormatError', (_, bytes, message) => {
    expect(() => decodePgm(bytes)).toThrow(FormatError);
    expect(() => decodePgm(bytes)).toThrow(message);
  });
});
