// One attempt at downloading one URL into a file, verified by SHA-256, written atomically.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { replaceAtomically, writeAll } from './atomic.js';
import { DownloadError } from './errors.js';

/** The `fetch` a download uses: the global one, or any function with its call shape. */
export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'follow' }) => Promise<Response>;

/** What one attempt needs. */
export interface FetchFileOptions {
  readonly op: string;
  readonly url: string;
  /** The file's name (for errors and progress). */
  readonly file: string;
  readonly target: string;
  readonly sha256: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly onBytes: (received: number, total: number | null) => void;
}

/** SHA-256 (hex) of a file's bytes, streamed. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Uint8Array);
  return hash.digest('hex');
}

/** Is `path` a file whose SHA-256 is `sha256`? A file that is not is deleted (never reused). */
export async function verifiedFile(path: string, sha256: string): Promise<boolean> {
  let digest: string;
  try {
    digest = await sha256OfFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return false;
    if (code !== 'EISDIR') throw error;
    digest = '';
  }
  if (digest === sha256) return true;
  await rm(path, { force: true, recursive: false }).catch(() => undefined);
  return false;
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts (for fetches that ignore signals). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/** The body length the response announces, or null (absent, invalid, or content-encoded). */
function announcedLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding !== 'identity') return null;
  const value = response.headers.get('content-length');
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/**
 * Downloads `url` into `target`: the body is streamed into a temporary file next to it while
 * hashed, and renamed into place only when complete and matching `sha256`. Throws a
 * DownloadError (reason `status`, `network`, `timeout`, `truncated` or `checksum`), the
 * caller's abort reason when `signal` aborts, or a file-system error; the temporary file is
 * always removed on failure.
 */
export async function fetchFile(o: FetchFileOptions): Promise<void> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`no data for ${o.timeoutMs} ms`));
    }, o.timeoutMs);
  };
  const cancel = (): void => controller.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', cancel, { once: true });
  const fail = (reason: 'network' | 'truncated', detail: string, cause: unknown): unknown => {
    if (o.signal?.aborted === true) return o.signal.reason;
    if (timedOut) {
      return new DownloadError({
        op: o.op,
        reason: 'timeout',
        file: o.file,
        url: o.url,
        detail: `timed out: no data for ${o.timeoutMs} ms`,
        cause,
      });
    }
    const because = cause instanceof Error ? `: ${cause.message}` : '';
    return new DownloadError({ op: o.op, reason, file: o.file, url: o.url, detail: `${detail}${because}`, cause });
  };
  try {
    if (o.signal?.aborted === true) throw o.signal.reason;
    arm();
    let response: Response;
    try {
      response = await abortable(o.fetch(o.url, { signal: controller.signal, redirect: 'follow' }), controller.signal);
    } catch (error) {
      throw fail('network', 'request failed', error);
    }
    arm(); // the response came: the wait for the body starts afresh
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const text = response.statusText === '' ? '' : ` ${response.statusText}`;
      throw new DownloadError({
        op: o.op,
        reason: 'status',
        file: o.file,
        url: o.url,
        status: response.status,
        detail: `HTTP ${response.status}${text}`,
      });
    }
    const total = announcedLength(response);
    const hash = createHash('sha256');
    let received = 0;
    await replaceAtomically(o.target, async (handle) => {
      const reader = response.body?.getReader();
      try {
        for (;;) {
          if (reader === undefined) break;
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await abortable(reader.read(), controller.signal);
          } catch (error) {
            throw fail('truncated', `the body broke off after ${received} bytes`, error);
          }
          if (chunk.done) break;
          arm();
          hash.update(chunk.value);
          await writeAll(handle, chunk.value);
          received += chunk.value.length;
          if (total !== null && received > total) break;
          o.onBytes(received, total);
        }
      } finally {
        await reader?.cancel().catch(() => undefined);
      }
      if (total !== null && received !== total) {
        throw new DownloadError({
          op: o.op,
          reason: 'truncated',
          file: o.file,
          url: o.url,
          detail: `the body has ${received > total ? 'at least ' : ''}${received} bytes, Content-Length says ${total}`,
        });
      }
      const digest = hash.digest('hex');
      if (digest !== o.sha256) {
        throw new DownloadError({
          op: o.op,
          reason: 'checksum',
          file: o.file,
          url: o.url,
          detail: `SHA-256 ${digest} (${received} bytes), expected ${o.sha256}`,
        });
      }
    });
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', cancel);
  }
}
