import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { StateDict } from '../../module/state-dict.js';
import { planSafetensors, type SaveSafetensorsOptions } from '../plan.js';
import { checkedBytes } from '../save.js';

/** A fresh temporary path next to `path` (same directory, so the final rename stays on one file system). */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    done += bytesWritten;
  }
}

function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Flushes a directory entry (the rename) to disk; some systems (Windows) cannot open a directory, which is ignored. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here: the rename is still atomic, only its durability is up to the OS.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function syncDirectorySync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // See syncDirectory.
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Nothing left to do.
      }
    }
  }
}

/**
 * Saves a state dict as a safetensors file, atomically: the bytes go to a new temporary file in
 * the same directory, which is flushed to disk (`fsync`), closed, and renamed over `path`; the
 * directory is then flushed too. A crash or an error at any point leaves either the old file or
 * the complete new one, never a partial file; on error the temporary file is removed. Tensors
 * are read one at a time with `await tensor.data()` (any backend) and streamed to disk, so the
 * whole file is never held in memory. The format is that of `saveSafetensors`. The new file has
 * the permissions of any newly created file (`0o666` less the umask), not those of the file it
 * replaces.
 *
 * @param path - the file to write (replaced if it exists).
 * @param state - tensors by key, e.g. `model.stateDict()`.
 * @param options - `metadata`: strings stored in the header's `__metadata__`.
 * @throws `ArgumentError` / `DisposedTensorError` for a bad state (before any file is
 *   touched); the file system's error (e.g. `ENOENT` for a missing directory).
 * @example
 * ```ts
 * const path = join(tmpdir(), 'nn-doc-linear.safetensors');
 * const model = new Linear(4, 2);
 * await saveSafetensorsFile(path, model.stateDict(), { metadata: { epoch: '3' } });
 * const { tensors, metadata } = await loadSafetensorsFile(path);
 * metadata.epoch;                     // '3'
 * new Linear(4, 2).loadStateDict(tensors).missingKeys; // []
 * ```
 * @category Serialization
 */
export async function saveSafetensorsFile(
  path: string,
  state: StateDict,
  options: SaveSafetensorsOptions = {},
): Promise<void> {
  const op = 'saveSafetensorsFile';
  const plan = planSafetensors(op, state, options);
  const target = resolve(path);
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx');
  try {
    try {
      await writeAll(handle, plan.prefix);
      for (const planned of plan.tensors)
        await writeAll(handle, checkedBytes(op, planned, await planned.tensor.data()));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(target));
}

/**
 * The synchronous form of `saveSafetensorsFile` (same atomic write; reads tensors with
 * `dataSync`, so it needs a backend with synchronous reads, such as the CPU backend).
 * @param path - the file to write (replaced if it exists).
 * @param state - tensors by key.
 * @param options - `metadata`: strings stored in the header's `__metadata__`.
 * @throws `ArgumentError` / `DisposedTensorError` for a bad state; the file system's error.
 * @example
 * ```ts
 * const path = join(tmpdir(), 'nn-doc-sync.safetensors');
 * saveSafetensorsFileSync(path, { w: tensor([1, 2, 3]) });
 * loadSafetensorsFileSync(path).tensors.w!.toArray(); // [1, 2, 3]
 * ```
 * @category Serialization
 */
export function saveSafetensorsFileSync(path: string, state: StateDict, options: SaveSafetensorsOptions = {}): void {
  const op = 'saveSafetensorsFileSync';
  const plan = planSafetensors(op, state, options);
  const target = resolve(path);
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx');
  try {
    try {
      writeAllSync(fd, plan.prefix);
      for (const planned of plan.tensors) writeAllSync(fd, checkedBytes(op, planned, planned.tensor.dataSync()));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(dirname(target));
}
