import { ArgumentError, FormatError } from '@nn/tensor';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { IdxAssembler } from '../idx/assembler.js';
import { checkMaxBytes, type DecodeIdxOptions, gzipError } from '../idx/decode.js';
import { isGzip } from '../idx/format.js';
import type { Idx } from '../idx/types.js';

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** Reads one IDX file (raw or gzip) for `op`, streaming it from disk through the assembler. */
export async function readIdxFileAs(op: string, path: string, options: DecodeIdxOptions = {}): Promise<Idx> {
  if (typeof path !== 'string' || path === '') {
    throw new ArgumentError({ op, arg: 'path', expected: 'a file path', got: String(path) });
  }
  const maxBytes = checkMaxBytes(op, options.maxBytes);
  const hint = `In file ${path}`;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(2);
    await handle.read(head, 0, 2, 0);
    const gzip = isGzip(head);
    const assembler = new IdxAssembler(op, { maxBytes, hint, ...(gzip ? {} : { totalBytes: size }) });
    let refused: unknown;
    const sink = async (chunks: AsyncIterable<Uint8Array>): Promise<void> => {
      for await (const chunk of chunks) {
        try {
          assembler.push(chunk);
        } catch (error) {
          refused = error; // pipeline may report the streams' AbortError instead: keep the cause
          throw error;
        }
      }
    };
    const source = handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 16 });
    try {
      if (gzip) await pipeline(source, createGunzip(), sink);
      else await pipeline(source, sink);
    } catch (error) {
      if (refused !== undefined) throw refused;
      if (error instanceof FormatError || !isZlibError(error)) throw error;
      throw gzipError(op, error, hint);
    }
    return assembler.finish();
  } finally {
    await handle.close();
  }
}

/**
 * Reads an IDX file from disk, raw or gzip-compressed (detected by the gzip magic, whatever the
 * name). The file is streamed: the IDX header is checked as soon as it is read (or inflated),
 * before any buffer for the data exists, and inflating stops at the first byte past what the
 * header describes. The checks are those of `readIdx` and `decodeIdx`; every FormatError has the
 * path in its message.
 *
 * @param path - the file (e.g. `train-images-idx3-ubyte.gz`).
 * @param options - `maxBytes`: largest (inflated) file accepted, default 1 GiB.
 * @returns `{ dtype, shape, data }`, as `readIdx` returns.
 * @throws `FormatError` for a malformed file or gzip stream (`arg` names the field: `'magic'`,
 *   `'type'`, `'rank'`, `'header'`, `'shape'`, `'data'`, `'gzip'`); the file system's error
 *   (e.g. `ENOENT`); `ArgumentError` for a bad path or `maxBytes`.
 * @example
 * ```ts
 * const path = join(tmpdir(), 'nn-doc-read-labels-idx1-ubyte.gz');
 * await writeIdxFile(path, { dtype: 'uint8', shape: [3], data: [7, 2, 1] }, { gzip: true });
 * const labels = await readIdxFile(path);
 * labels.shape; // [3]
 * labels.data;  // Uint8Array [7, 2, 1]
 * await readIdxFile(join(tmpdir(), 'nn-doc-no-such-file')); // throws Error (ENOENT)
 * ```
 * @category IDX
 */
export async function readIdxFile(path: string, options: DecodeIdxOptions = {}): Promise<Idx> {
  return readIdxFileAs('readIdxFile', path, options);
}
