import { ArgumentError } from '@nn/tensor';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { gzip as gzipCallback } from 'node:zlib';
import type { IdxInput } from '../idx/types.js';
import { writeIdx } from '../idx/write.js';
import { replaceAtomically, writeAll } from './atomic.js';

function gzipAsync(bytes: Uint8Array): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    gzipCallback(bytes, (error, result) => (error === null ? done(new Uint8Array(result)) : fail(error)));
  });
}

/**
 * Options of `writeIdxFile`.
 * @category IDX
 */
export interface WriteIdxFileOptions {
  /** Gzip the file (default: when the path ends in `.gz`). */
  readonly gzip?: boolean;
}

/**
 * Writes an IDX file, raw or gzip-compressed, atomically: the bytes go to a new temporary file in
 * the same directory, which is flushed to disk (`fsync`), closed and renamed over `path` (the
 * directory is then flushed too). A crash or an error leaves either the old file or the complete
 * new one, never a partial file; on error the temporary file is removed. Missing parent
 * directories are created. The content is validated as `writeIdx` does before any file is touched.
 *
 * @param path - the file to write (replaced if it exists).
 * @param idx - `{ dtype, shape, data }` as `writeIdx` takes it.
 * @param options - `gzip`: compress (default: `path` ends in `.gz`).
 * @throws `ArgumentError` / `ShapeError` for bad content (as `writeIdx`); the file system's error.
 * @example
 * ```ts
 * const path = join(tmpdir(), 'nn-doc-write', 'weights-idx2-float.gz');
 * await writeIdxFile(path, { dtype: 'float32', shape: [2, 2], data: [1, 2, 3, 4] });
 * (await readIdxFile(path)).data; // Float32Array [1, 2, 3, 4]
 * await writeIdxFile(path, { dtype: 'int8', shape: [1], data: [300] }); // throws ArgumentError
 * (await readIdxFile(path)).dtype; // 'float32' (the old file is intact)
 * ```
 * @category IDX
 */
export async function writeIdxFile(path: string, idx: IdxInput, options: WriteIdxFileOptions = {}): Promise<void> {
  const op = 'writeIdxFile';
  if (typeof path !== 'string' || path === '') {
    throw new ArgumentError({ op, arg: 'path', expected: 'a file path', got: String(path) });
  }
  const { gzip = path.endsWith('.gz') } = options;
  if (typeof gzip !== 'boolean') {
    throw new ArgumentError({ op, arg: 'gzip', expected: 'a boolean', got: String(gzip) });
  }
  const raw = writeIdx(idx);
  const bytes = gzip ? await gzipAsync(raw) : raw;
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  await replaceAtomically(target, (handle) => writeAll(handle, bytes));
}
