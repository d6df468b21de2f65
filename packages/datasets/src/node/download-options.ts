import { ArgumentError } from '@nn/tensor';
import { join, resolve } from 'node:path';
import type { FetchLike } from './fetch-file.js';
import { checkKind, MNIST_FILE_NAMES, MNIST_ROLES, type MnistKind, type MnistRole } from './mnist-files.js';
import {
  type DownloadFile,
  FASHION_MNIST_FILES,
  FASHION_MNIST_MIRRORS,
  MNIST_FILES,
  MNIST_MIRRORS,
} from './sources.js';

/**
 * One report of `downloadMnist`'s `onProgress`: once for a file found in the cache, then for
 * every chunk of a file being downloaded.
 * @category Download
 */
export interface DownloadProgress {
  /** The file, e.g. `'train-images-idx3-ubyte.gz'`. */
  readonly file: string;
  /** The URL being downloaded, or `null` for a verified file from the cache. */
  readonly url: string | null;
  /** Bytes received so far (the file's size when cached). */
  readonly receivedBytes: number;
  /** The body's announced length, or `null` when the server did not say. */
  readonly totalBytes: number | null;
  /** True when the file came from the cache (no request made). */
  readonly cached: boolean;
}

/**
 * Options of `downloadMnist`.
 * @category Download
 */
export interface DownloadMnistOptions {
  /** The cache directory: files go to `<cacheDir>/mnist` or `<cacheDir>/fashion-mnist` (created if missing). */
  readonly cacheDir: string;
  /** `'mnist'` (default) or `'fashion'` (Fashion-MNIST). */
  readonly kind?: MnistKind;
  /** Base URLs tried in order for each file (default `MNIST_MIRRORS` / `FASHION_MNIST_MIRRORS`). */
  readonly mirrors?: readonly string[];
  /** The files and their SHA-256 (default `MNIST_FILES` / `FASHION_MNIST_FILES`): one per standard file, `.gz` or raw. */
  readonly files?: readonly DownloadFile[];
  /** The fetch function (default `globalThis.fetch`). */
  readonly fetch?: FetchLike;
  /** Longest wait for the response or for the next chunk of its body, in ms (default 30,000). */
  readonly timeoutMs?: number;
  /** Extra attempts at the same mirror after a transient failure (network, timeout, truncated body, HTTP 408/429/5xx); default 1. */
  readonly retries?: number;
  /** Wait before retry k (1, 2, …) is `k · retryDelayMs` ms (default 1,000). */
  readonly retryDelayMs?: number;
  /** Called as files are found in the cache or downloaded. */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Aborts the whole download; the signal's reason is thrown as is. */
  readonly signal?: AbortSignal;
  /** Largest (inflated) file accepted when loading, in bytes (default 1 GiB). */
  readonly maxBytes?: number;
}

const OPTION_KEYS = new Set([
  'cacheDir',
  'kind',
  'mirrors',
  'files',
  'fetch',
  'timeoutMs',
  'retries',
  'retryDelayMs',
  'onProgress',
  'signal',
  'maxBytes',
]);

/** `downloadMnist`'s options, checked, with defaults filled in. */
export interface Plan {
  readonly dir: string;
  readonly kind: MnistKind;
  readonly mirrors: readonly string[];
  readonly files: Record<MnistRole, DownloadFile>;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly onProgress: ((progress: DownloadProgress) => void) | undefined;
  readonly signal: AbortSignal | undefined;
  readonly maxBytes: number | undefined;
}

function bad(arg: string, expected: string, got: unknown): ArgumentError {
  const shown =
    typeof got === 'string'
      ? JSON.stringify(got)
      : Array.isArray(got)
        ? `[${got.map(String).join(', ')}]`
        : String(got);
  return new ArgumentError({ op: 'downloadMnist', arg, expected, got: shown });
}

function checkMirrors(mirrors: unknown): string[] {
  if (!Array.isArray(mirrors) || mirrors.length === 0)
    throw bad('mirrors', 'a non-empty array of http(s) URLs', mirrors);
  return mirrors.map((m: unknown) => {
    let url: URL | undefined;
    try {
      url = typeof m === 'string' ? new URL(m) : undefined;
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw bad('mirrors', 'http(s) base URLs', m);
    }
    const text = url.href;
    return text.endsWith('/') ? text : `${text}/`;
  });
}

/** Which standard file a name is (`train-images-idx3-ubyte` with or without `.gz`). */
function roleOf(name: string): MnistRole | undefined {
  const base = name.endsWith('.gz') ? name.slice(0, -3) : name;
  return MNIST_ROLES.find((role) => MNIST_FILE_NAMES[role] === base);
}

function checkFiles(files: unknown): Record<MnistRole, DownloadFile> {
  const expected = 'one { name, sha256 } per standard file (train-images-idx3-ubyte[.gz], …), sha256 as 64 hex digits';
  if (!Array.isArray(files) || files.length !== MNIST_ROLES.length) throw bad('files', expected, files);
  const byRole: Partial<Record<MnistRole, DownloadFile>> = {};
  for (const f of files as unknown[]) {
    const { name, sha256 } = (f ?? {}) as { name?: unknown; sha256?: unknown };
    const role = typeof name === 'string' ? roleOf(name) : undefined;
    if (
      typeof name !== 'string' ||
      role === undefined ||
      byRole[role] !== undefined ||
      typeof sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/i.test(sha256)
    ) {
      throw bad('files', expected, typeof name === 'string' ? `${name}: ${String(sha256)}` : f);
    }
    byRole[role] = { name, sha256: sha256.toLowerCase() };
  }
  return byRole as Record<MnistRole, DownloadFile>;
}

function checkNumber(arg: string, value: unknown, min: number, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw bad(arg, `${integer ? 'an integer' : 'a number'} ≥ ${min}`, value);
  }
  return value;
}

export function plan(options: DownloadMnistOptions): Plan {
  if (typeof options !== 'object' || options === null) throw bad('options', 'an object { cacheDir, … }', options);
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw bad('options', `known options (${[...OPTION_KEYS].join(', ')})`, key);
  }
  const { cacheDir, onProgress, signal, maxBytes } = options;
  if (typeof cacheDir !== 'string' || cacheDir === '') throw bad('cacheDir', 'a directory path', cacheDir);
  const kind = checkKind('downloadMnist', options.kind ?? 'mnist');
  const fetchFn = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetchFn !== 'function') throw bad('fetch', 'a fetch function', fetchFn);
  if (onProgress !== undefined && typeof onProgress !== 'function') throw bad('onProgress', 'a function', onProgress);
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw bad('signal', 'an AbortSignal', signal);
  if (maxBytes !== undefined) checkNumber('maxBytes', maxBytes, 8, true);
  const timeoutMs = checkNumber('timeoutMs', options.timeoutMs ?? 30_000, 1, false);
  return {
    dir: join(resolve(cacheDir), kind === 'mnist' ? 'mnist' : 'fashion-mnist'),
    kind,
    mirrors: checkMirrors(options.mirrors ?? (kind === 'mnist' ? MNIST_MIRRORS : FASHION_MNIST_MIRRORS)),
    files: checkFiles(options.files ?? (kind === 'mnist' ? MNIST_FILES : FASHION_MNIST_FILES)),
    fetch: fetchFn,
    timeoutMs,
    retries: checkNumber('retries', options.retries ?? 1, 0, true),
    retryDelayMs: checkNumber('retryDelayMs', options.retryDelayMs ?? 1000, 0, false),
    onProgress,
    signal,
    maxBytes,
  };
}
