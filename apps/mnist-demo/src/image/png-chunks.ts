import { FormatError } from '@nn/tensor';
import { crc32 } from './crc32.js';
import { MAX_PIXELS, MAX_SIDE } from './gray-image.js';

const OP = 'decodePng';
/** The 8 bytes every PNG file starts with. */
export const PNG_SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

/** The image header (IHDR). */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA. */
  colorType: number;
  interlace: number;
}

/** What the chunks of a PNG say: header, palette, transparency and the joined IDAT data. */
export interface PngChunks {
  header: PngHeader;
  /** RGB triples (PLTE), or null. */
  palette: Uint8Array | null;
  /** The tRNS chunk's bytes, or null. */
  transparency: Uint8Array | null;
  /** The zlib stream: every IDAT's data, concatenated. */
  idat: Uint8Array;
}

/** Allowed bit depths per colour type. */
const DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Samples per pixel per colour type. */
export const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function fail(arg: string, expected: string, got: string): never {
  throw new FormatError({ op: OP, arg, expected, got });
}

function parseHeader(data: Uint8Array): PngHeader {
  if (data.length !== 13) fail('IHDR', 'a 13-byte IHDR chunk', `${data.length} bytes`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [bitDepth, colorType, compression, filter, interlace] = [data[8]!, data[9]!, data[10]!, data[11]!, data[12]!];
  if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    fail('IHDR', `a width and height from 1 to ${MAX_SIDE} and at most ${MAX_PIXELS} pixels`, `${width}×${height}`);
  }
  const depths = DEPTHS[colorType];
  if (depths === undefined) fail('IHDR.colorType', '0, 2, 3, 4 or 6', String(colorType));
  if (!depths.includes(bitDepth)) {
    fail('IHDR.bitDepth', `one of ${depths.join(', ')} for colour type ${colorType}`, String(bitDepth));
  }
  if (compression !== 0) fail('IHDR.compression', '0 (deflate)', String(compression));
  if (filter !== 0) fail('IHDR.filter', '0 (adaptive filtering)', String(filter));
  if (interlace > 1) fail('IHDR.interlace', '0 or 1', String(interlace));
  if (interlace === 1) {
    throw new FormatError({
      op: OP,
      arg: 'IHDR.interlace',
      expected: 'a non-interlaced PNG',
      got: 'an Adam7-interlaced one',
      hint: 'Save the image again without interlacing',
    });
  }
  return { width, height, bitDepth, colorType, interlace };
}

/**
 * Reads the chunks of a PNG file: checks the signature, every chunk's length and CRC, the order
 * (IHDR first, PLTE before IDAT, IDATs consecutive, IEND last) and the header's fields. Unknown
 * ancillary chunks are skipped; unknown critical ones are an error. Bytes after IEND are ignored.
 * @throws FormatError naming the chunk or field at fault.
 */
export function readPngChunks(bytes: Uint8Array): PngChunks {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) fail('signature', 'the 8-byte PNG signature', 'other bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngHeader | null = null;
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  const idats: Uint8Array[] = [];
  let idatDone = false;
  let pos = 8;
  for (;;) {
    if (pos + 8 > bytes.length) fail('IEND', 'an IEND chunk before the end of the file', 'a truncated file');
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) fail('chunk', 'a 4-letter chunk type', JSON.stringify(type));
    if (length > 0x7fffffff || pos + 12 + length > bytes.length) {
      fail(type, `a chunk within the file (${bytes.length - pos - 12} bytes left)`, `a length of ${length}`);
    }
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    const stored = view.getUint32(pos + 8 + length);
    const computed = crc32(bytes.subarray(pos + 4, pos + 8 + length));
    if (stored !== computed) fail(`${type}.crc`, `CRC 0x${computed.toString(16).padStart(8, '0')}`, `0x${stored.toString(16).padStart(8, '0')} (the file is corrupt)`);
    pos += 12 + length;
    if (header === null && type !== 'IHDR') fail('IHDR', 'IHDR as the first chunk', type);
    if (type !== 'IDAT' && idats.length > 0) idatDone = true;
    if (type === 'IHDR') {
      if (header !== null) fail('IHDR', 'a single IHDR chunk', 'a second one');
      header = parseHeader(data);
    } else if (type === 'PLTE') {
      if (idats.length > 0) fail('PLTE', 'PLTE before the image data', 'PLTE after IDAT');
      if (data.length % 3 !== 0 || data.length === 0 || data.length > 768) fail('PLTE', '1 to 256 RGB entries (a multiple of 3 bytes)', `${data.length} bytes`);
      palette = data;
    } else if (type === 'tRNS') {
      transparency = data;
    } else if (type === 'IDAT') {
      if (idatDone) fail('IDAT', 'consecutive IDAT chunks', 'IDAT chunks separated by other chunks');
      idats.push(data);
    } else if (type === 'IEND') {
      break;
    } else if (type.charCodeAt(0) < 97) {
      fail('chunk', 'only critical chunks this decoder knows (IHDR, PLTE, IDAT, IEND)', `critical chunk ${type}`);
    }
  }
  if (header === null) fail('IHDR', 'an IHDR chunk', 'none');
  if (idats.length === 0) fail('IDAT', 'at least one IDAT chunk', 'none');
  if (header.colorType === 3 && palette === null) fail('PLTE', 'a palette for colour type 3', 'none');
  const idat = new Uint8Array(idats.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of idats) {
    idat.set(d, at);
    at += d.length;
  }
  return { header, palette, transparency, idat };
}
