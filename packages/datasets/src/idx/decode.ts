import { ArgumentError, FormatError } from '@nn/tensor';
import { IdxAssembler } from './assembler.js';
import { asBytes } from './bytes.js';
import { isGzip } from './format.js';
import { parseIdx } from './read.js';
import type { Idx } from './types.js';

/**
 * The default limit on the size of an inflated IDX file: 1 GiB (MNIST's largest file is 47 MB).
 * @category IDX
 */
export const IDX_DEFAULT_MAX_BYTES = 2 ** 30;

/**
 * Options of `decodeIdx` and `readIdxFile`.
 * @category IDX
 */
export interface DecodeIdxOptions {
  /**
   * Largest inflated file accepted, in bytes (default `IDX_DEFAULT_MAX_BYTES`, 1 GiB): a header
   * claiming more is a FormatError before anything is inflated further, so a small `.gz` cannot
   * make the reader allocate without bound.
   */
  readonly maxBytes?: number;
}

/** Size of the pieces compressed input is fed to the inflater in. */
const INPUT_CHUNK = 1 << 16;

/** Checks `maxBytes` (a positive integer or Infinity). */
export function checkMaxBytes(op: string, maxBytes: unknown): number {
  if (maxBytes === undefined) return IDX_DEFAULT_MAX_BYTES;
  if (
    typeof maxBytes !== 'number' ||
    !(maxBytes === Number.POSITIVE_INFINITY || (Number.isSafeInteger(maxBytes) && maxBytes >= 8))
  ) {
    throw new ArgumentError({
      op,
      arg: 'maxBytes',
      expected: 'an integer ≥ 8 (bytes) or Infinity',
      got: String(maxBytes),
    });
  }
  return maxBytes;
}

/** The FormatError for a gzip stream the inflater refused (bad CRC or length, truncated, trailing garbage…). */
export function gzipError(op: string, cause: unknown, hint?: string): FormatError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new FormatError({
    op,
    arg: 'gzip',
    expected: 'a complete, valid gzip stream',
    got: `a corrupt one (${reason})`,
    ...(hint === undefined ? {} : { hint }),
  });
}

function inputStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + INPUT_CHUNK));
      offset += INPUT_CHUNK;
    },
  });
}

async function inflateIdx(op: string, bytes: Uint8Array, maxBytes: number): Promise<Idx> {
  if (typeof DecompressionStream === 'undefined') {
    throw new ArgumentError({
      op,
      arg: 'bytes',
      expected: 'raw IDX bytes, or a runtime with DecompressionStream for gzip (Node ≥ 18, current browsers)',
      got: 'gzip data and no DecompressionStream',
      hint: 'inflate the bytes first and call readIdx',
    });
  }
  const assembler = new IdxAssembler(op, { maxBytes });
  const reader = inputStream(bytes)
    .pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw gzipError(op, error);
      }
      if (chunk.done) break;
      assembler.push(chunk.value);
    }
  } catch (error) {
    // Stop inflating (a header that lied about its size, or a corrupt stream): nothing more is read.
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return assembler.finish();
}

/**
 * Decodes an IDX file that may be gzip-compressed (detected by the gzip magic `1f 8b`, not by a
 * file name), as MNIST's `.gz` files are. Gzip is inflated with the standard
 * `DecompressionStream` (Node ≥ 18 and current browsers, no dependency), piece by piece: the IDX
 * header is checked as soon as it is inflated, the data buffer grows only with bytes actually
 * inflated, and inflating stops at the first byte past what the header describes. Raw input is
 * read as `readIdx` does.
 *
 * Trailing zero bytes after the last gzip member are ignored by Node's inflater, as `gzip -d`
 * does; any other trailing garbage is an error.
 *
 * @param bytes - the whole file, raw or gzip.
 * @param options - `maxBytes`: largest inflated file accepted (default 1 GiB).
 * @returns `{ dtype, shape, data }` as `readIdx` returns.
 * @throws `FormatError`: every case of `readIdx`, plus `arg: 'gzip'` for a corrupt stream (bad
 *   CRC or length, truncated, garbage after the end) and `arg: 'shape'` for a header claiming
 *   more than `maxBytes`; `ArgumentError` for bad `bytes` or `maxBytes`.
 * @example
 * ```ts
 * const raw = writeIdx({ dtype: 'int16', shape: [3], data: [-1, 0, 300] });
 * const gzipped = new Uint8Array(await new Response(
 *   new Blob([raw]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
 * const idx = await decodeIdx(gzipped);
 * idx.data; // Int16Array [-1, 0, 300]
 * (await decodeIdx(raw)).shape; // [3]
 * await decodeIdx(gzipped.subarray(0, 20)); // throws FormatError (arg 'gzip': truncated)
 * ```
 * @category IDX
 */
export async function decodeIdx(bytes: Uint8Array, options: DecodeIdxOptions = {}): Promise<Idx> {
  const op = 'decodeIdx';
  const view = asBytes(op, bytes);
  const maxBytes = checkMaxBytes(op, options.maxBytes);
  return isGzip(view) ? inflateIdx(op, view, maxBytes) : parseIdx(op, view);
}
