// Atomic file replacement: write a temporary file in the target's directory, flush it, rename it.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The suffix of every temporary file this package writes (`.<name>.<random>.tmp`). */
export const TEMP_SUFFIX = '.tmp';

/** A fresh temporary path next to `path` (same directory, so the final rename stays on one file system). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
}

/** Writes all of `bytes` at the handle's position. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    done += bytesWritten;
  }
}

/** Flushes a directory entry (a rename) to disk; systems that cannot open a directory (Windows) are skipped. */
export async function syncDirectory(dir: string): Promise<void> {
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

/**
 * Creates `target` atomically: `fill` writes the content into a new temporary file next to it,
 * which is then flushed (`fsync`), closed and renamed over `target`, and the directory flushed.
 * On any error the temporary file is removed and `target` is left as it was.
 */
export async function replaceAtomically(target: string, fill: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx');
  try {
    try {
      await fill(handle);
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
