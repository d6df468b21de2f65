import { FormatError } from '@nn/tensor';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { asBytes, parseSafetensorsHeader } from '../header.js';
import { materialize, type LoadedSafetensors } from '../load.js';

/** Reads the file's bytes as `loadSafetensors` does, with the path in the message of any FormatError. */
function loadBytes(op: string, path: string, bytes: Uint8Array): LoadedSafetensors {
  try {
    const view = asBytes(op, bytes);
    const header = parseSafetensorsHeader(op, view);
    return { tensors: materialize(op, view, header), metadata: header.metadata };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    throw new FormatError({
      op,
      ...(error.arg === undefined ? {} : { arg: error.arg }),
      expected: error.expected,
      got: error.got,
      hint: `In file ${path}`,
    });
  }
}

/**
 * Reads a safetensors file, validated as `loadSafetensors` does (every malformed file is a
 * `FormatError` naming the field at fault, and the path in its message).
 *
 * Loading a model: `model.loadStateDict((await loadSafetensorsFile(path)).tensors)`.
 *
 * @param path - the file to read.
 * @returns the tensors by key in header order and the `__metadata__` strings.
 * @throws `FormatError` for a malformed file; the file system's error (e.g. `ENOENT`).
 * @example
 * ```ts
 * const path = join(tmpdir(), 'nn-doc-load.safetensors');
 * await saveSafetensorsFile(path, { 'bn.running_mean': zeros([3]), 'bn.num_batches_tracked': tensor(5, { dtype: 'int32' }) });
 * const { tensors } = await loadSafetensorsFile(path);
 * tensors['bn.num_batches_tracked']!.item(); // 5
 * ```
 * @category Serialization
 */
export async function loadSafetensorsFile(path: string): Promise<LoadedSafetensors> {
  return loadBytes('loadSafetensorsFile', path, await readFile(path));
}

/**
 * The synchronous form of `loadSafetensorsFile`.
 * @param path - the file to read.
 * @returns the tensors by key in header order and the `__metadata__` strings.
 * @throws `FormatError` for a malformed file; the file system's error (e.g. `ENOENT`).
 * @example
 * ```ts
 * const path = join(tmpdir(), 'nn-doc-load-sync.safetensors');
 * saveSafetensorsFileSync(path, { x: tensor([[true, false]]) });
 * loadSafetensorsFileSync(path).tensors.x!.toArray(); // [[true, false]]
 * ```
 * @category Serialization
 */
export function loadSafetensorsFileSync(path: string): LoadedSafetensors {
  return loadBytes('loadSafetensorsFileSync', path, readFileSync(path));
}
