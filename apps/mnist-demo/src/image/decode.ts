import { FormatError } from '@nn/tensor';
import type { GrayImage } from './gray-image.js';
import { PNG_SIGNATURE } from './png-chunks.js';
import { decodePng } from './png.js';
import { decodePgm } from './pgm.js';

/**
 * Decodes a PNG or PGM file into grayscale, chosen by the file's first bytes (not its name).
 * @throws FormatError for another format or a malformed file.
 */
export function decodeImage(bytes: Uint8Array): GrayImage {
  if (bytes.length >= 2 && bytes[0] === PNG_SIGNATURE[0] && bytes[1] === PNG_SIGNATURE[1]) return decodePng(bytes);
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1]! >= 0x31 && bytes[1]! <= 0x37) return decodePgm(bytes);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  throw new FormatError({
    op: 'decodeImage',
    expected: 'a PNG or PGM image',
    got: jpeg ? 'a JPEG' : 'an unknown format',
    hint: 'Convert it to PNG or PGM (e.g. `convert in.jpg out.png`)',
  });
}
