import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type DownloadMnistOptions, plan, type Plan } from './download-options.js';
import { DownloadError } from './errors.js';
import { fetchFile, verifiedFile } from './fetch-file.js';
import type { MnistSplits } from '../mnist/index.js';
import { loadMnistFiles, MNIST_ROLES, type MnistRole } from './mnist-files.js';
import type { DownloadFile } from './sources.js';

/**
 * What `downloadMnist` returns: the splits and the directory holding the verified files.
 * @category Download
 */
export interface MnistDownload extends MnistSplits {
  /** The directory with the four verified files (`<cacheDir>/mnist` or `<cacheDir>/fashion-mnist`). */
  readonly dir: string;
}

/** Downloads in progress in this process, by target path and digest: concurrent calls share them. */
const inflight = new Map<string, Promise<void>>();

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done, fail) => {
    if (signal?.aborted === true) {
      fail(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      fail(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function isTransient(error: DownloadError): boolean {
  if (error.reason === 'status') {
    const status = error.status ?? 0;
    return status === 408 || status === 429 || status >= 500;
  }
  return error.reason === 'network' || error.reason === 'timeout' || error.reason === 'truncated';
}

/** Makes `<dir>/<file.name>` a verified copy: from the cache if its SHA-256 matches, else from the mirrors. */
async function obtain(p: Plan, file: DownloadFile): Promise<string> {
  const target = join(p.dir, file.name);
  if (await verifiedFile(target, file.sha256)) {
    const { size } = await stat(target);
    p.onProgress?.({ file: file.name, url: null, receivedBytes: size, totalBytes: size, cached: true });
    return target;
  }
  const attempts: DownloadError[] = [];
  for (const mirror of p.mirrors) {
    const url = `${mirror}${file.name}`;
    for (let attempt = 0; attempt <= p.retries; attempt++) {
      if (attempt > 0 && p.retryDelayMs > 0) await sleep(attempt * p.retryDelayMs, p.signal);
      try {
        await fetchFile({
          op: 'downloadMnist',
          url,
          file: file.name,
          target,
          sha256: file.sha256,
          fetch: p.fetch,
          timeoutMs: p.timeoutMs,
          signal: p.signal,
          onBytes: (receivedBytes, totalBytes) =>
            p.onProgress?.({ file: file.name, url, receivedBytes, totalBytes, cached: false }),
        });
        return target;
      } catch (error) {
        if (!(error instanceof DownloadError)) throw error;
        attempts.push(error);
        if (!isTransient(error)) break;
      }
    }
  }
  throw new DownloadError({
    op: 'downloadMnist',
    reason: 'mirrors',
    file: file.name,
    detail: `every mirror failed (${attempts.length} attempt${attempts.length === 1 ? '' : 's'})`,
    attempts,
  });
}

/** `obtain`, shared by concurrent calls in this process that want the same file with the same digest. */
function obtainOnce(p: Plan, file: DownloadFile): Promise<string> {
  const key = `${join(p.dir, file.name)}\0${file.sha256}`;
  let pending = inflight.get(key);
  if (pending === undefined) {
    pending = obtain(p, file).then(() => undefined);
    inflight.set(key, pending);
    const forget = (): void => {
      inflight.delete(key);
    };
    pending.then(forget, forget);
  }
  return pending.then(() => join(p.dir, file.name));
}

/**
 * Downloads the full MNIST (60,000 training and 10,000 test digits) or Fashion-MNIST into a cache
 * directory and loads it, as torchvision's `MNIST(root, download=True)` does. For each of the four
 * files: a cached copy is used if its SHA-256 is the known one (a file that does not match is
 * deleted, never reused); otherwise the mirrors are tried in order, each body streamed into a
 * temporary file in the cache directory while hashed, and renamed into place only when its length
 * matches `Content-Length` and its SHA-256 the known one — a partial or corrupt file never takes
 * the file's name, and temporary files are removed on every failure. Transient failures (network,
 * timeout, truncated body, HTTP 408 / 429 / 5xx) are retried `retries` times at the same mirror;
 * others (HTTP 404, wrong hash) go straight to the next mirror. Concurrent calls in one process
 * share downloads; across processes the atomic renames keep every file whole.
 *
 * The files go to `<cacheDir>/mnist` or `<cacheDir>/fashion-mnist` and are loaded as
 * `loadMnistDir` does: `train` / `test` are `ImageDataset`s (`get(i)` → `[image [1, 28, 28]
 * float32 in [0, 1], label]`). The known digests are `MNIST_FILES` / `FASHION_MNIST_FILES`;
 * `mirrors` and `files` override them (e.g. your own mirror, or test files).
 *
 * @param options - `cacheDir` (required), `kind`, `mirrors`, `files`, `fetch`, `timeoutMs`
 *   (30,000), `retries` (1), `retryDelayMs` (1,000), `onProgress`, `signal`, `maxBytes`.
 * @returns `{ train, test, dir }`.
 * @throws `DownloadError` with `reason: 'mirrors'` when a file could not be obtained from any
 *   mirror (its `attempts` give each failure: `'status'`, `'network'`, `'timeout'`,
 *   `'truncated'`, `'checksum'`); `ArgumentError` for bad options; `FormatError` if verified
 *   files are not MNIST (only possible with overridden `files`); the signal's reason when
 *   aborted; a file-system error (e.g. no space left).
 * @example
 * ```ts
 * // Serve four tiny files from memory instead of the network, with their digests as overrides.
 * const hex = async (b: Uint8Array) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join('');
 * const served = new Map([
 *   ['train-images-idx3-ubyte', writeIdx({ dtype: 'uint8', shape: [2, 28, 28], data: new Uint8Array(2 * 784) })],
 *   ['train-labels-idx1-ubyte', writeIdx({ dtype: 'uint8', shape: [2], data: [3, 8] })],
 *   ['t10k-images-idx3-ubyte', writeIdx({ dtype: 'uint8', shape: [1, 28, 28], data: new Uint8Array(784) })],
 *   ['t10k-labels-idx1-ubyte', writeIdx({ dtype: 'uint8', shape: [1], data: [1] })],
 * ]);
 * const files = await Promise.all([...served].map(async ([name, bytes]) => ({ name, sha256: await hex(bytes) })));
 * const fetch = async (url: string) => new Response(served.get(url.slice(url.lastIndexOf('/') + 1)));
 * const cacheDir = join(tmpdir(), 'nn-doc-download');
 * const { train, test, dir } = await downloadMnist({ cacheDir, mirrors: ['https://mirror.example/mnist/'], files, fetch });
 * train.labels; // Uint8Array [3, 8]
 * test.length; // 1
 * dir === join(cacheDir, 'mnist'); // true
 * ```
 * @category Download
 */
export async function downloadMnist(options: DownloadMnistOptions): Promise<MnistDownload> {
  const p = plan(options);
  await mkdir(p.dir, { recursive: true });
  const paths = {} as Record<MnistRole, string>;
  for (const role of MNIST_ROLES) paths[role] = await obtainOnce(p, p.files[role]);
  const splits = await loadMnistFiles('downloadMnist', paths, p.kind, p.maxBytes);
  return { ...splits, dir: p.dir };
}
