import { FormatError } from '@nn/tensor';
import { MAX_PIXELS, MAX_SIDE, type GrayImage } from './gray-image.js';

const OP = 'decodePgm';

function fail(arg: string, expected: string, got: string, hint?: string): never {
  throw new FormatError({ op: OP, arg, expected, got, ...(hint === undefined ? {} : { hint }) });
}

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0b || b === 0x0c;

/** Reads whitespace-separated ASCII tokens, skipping `#` comments (to the end of the line). */
class Tokens {
  pos: number;
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  /** The next token, or null at the end of the file. */
  next(): string | null {
    const b = this.bytes;
    for (;;) {
      while (this.pos < b.length && isSpace(b[this.pos]!)) this.pos++;
      if (b[this.pos] !== 0x23) break;
      while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
    const start = this.pos;
    while (this.pos < b.length && !isSpace(b[this.pos]!) && b[this.pos] !== 0x23) this.pos++;
    return start === this.pos ? null : String.fromCharCode(...b.subarray(start, Math.min(this.pos, start + 32)));
  }

  /** The next token as an integer in `[min, max]`. */
  integer(arg: string, min: number, max: number): number {
    const token = this.next();
    if (token === null) fail(arg, `an integer from ${min} to ${max}`, 'the end of the file (truncated header or data)');
    const value = /^\d+$/.test(token) ? Number(token) : Number.NaN;
    if (!(value >= min && value <= max)) fail(arg, `an integer from ${min} to ${max}`, JSON.stringify(token));
    return value;
  }
}

/**
 * Decodes a PGM (Netpbm graymap) file, plain (`P2`, ASCII samples) or raw (`P5`, binary; 16-bit
 * big-endian when maxval > 255), with `#` comments in the header. Samples are scaled from
 * `[0, maxval]` to `[0, 255]` (0 = black). Bytes after the first image are ignored.
 * @throws FormatError for another magic number (PBM/PPM named as such), a bad or missing
 *   width/height/maxval, a sample above maxval, or truncated data.
 */
export function decodePgm(bytes: Uint8Array): GrayImage {
  const magic = bytes.length >= 2 ? String.fromCharCode(bytes[0]!, bytes[1]!) : '';
  if (magic !== 'P2' && magic !== 'P5') {
    const other: Record<string, string> = { P1: 'PBM', P4: 'PBM', P3: 'PPM', P6: 'PPM', P7: 'PAM' };
    const name = other[magic];
    if (name !== undefined) fail('magic', 'P2 or P5 (PGM)', `${magic} (${name})`, 'Convert the image to grayscale PGM or PNG');
    fail('magic', 'P2 or P5 (PGM)', bytes.length >= 2 ? JSON.stringify(magic) : 'a file shorter than 2 bytes');
  }
  if (bytes.length > 2 && !isSpace(bytes[2]!)) fail('magic', 'whitespace after the magic number', `byte ${bytes[2]}`);
  const tokens = new Tokens(bytes, 2);
  const width = tokens.integer('width', 1, MAX_SIDE);
  const height = tokens.integer('height', 1, MAX_SIDE);
  if (width * height > MAX_PIXELS) fail('height', `at most ${MAX_PIXELS} pixels`, `${width}×${height}`);
  const maxval = tokens.integer('maxval', 1, 65535);
  const n = width * height;
  const pixels = new Uint8Array(n);
  const scale = (v: number): number => Math.round((v * 255) / maxval);
  if (magic === 'P2') {
    for (let i = 0; i < n; i++) pixels[i] = scale(tokens.integer(`pixel ${i}`, 0, maxval));
    return { width, height, pixels };
  }
  if (!isSpace(bytes[tokens.pos] ?? 0x23)) fail('maxval', 'one whitespace byte after maxval, then the data', 'none');
  const start = tokens.pos + 1;
  const wide = maxval > 255;
  const need = n * (wide ? 2 : 1);
  if (bytes.length - start < need) fail('data', `${need} bytes of samples (${width}×${height}${wide ? ', 16-bit' : ''})`, `${bytes.length - start} (truncated)`);
  for (let i = 0; i < n; i++) {
    const v = wide ? (bytes[start + 2 * i]! << 8) | bytes[start + 2 * i + 1]! : bytes[start + i]!;
    if (v > maxval) fail('data', `samples at most maxval ${maxval}`, `${v} at pixel ${i}`);
    pixels[i] = scale(v);
  }
  return { width, height, pixels };
}
