/**
 * Why a download failed: `'status'` (a non-2xx HTTP status, e.g. 404), `'network'` (no response:
 * connection refused, DNS…), `'timeout'` (no response or no body bytes for `timeoutMs`),
 * `'truncated'` (the body broke off, or its length differs from `Content-Length`), `'checksum'`
 * (complete, but its SHA-256 is not the known one), `'mirrors'` (every attempt at every mirror
 * failed: `attempts` holds each one's error).
 * @category Download
 */
export type DownloadFailure = 'status' | 'network' | 'timeout' | 'truncated' | 'checksum' | 'mirrors';

/**
 * What a `DownloadError` reports.
 * @category Download
 */
export interface DownloadErrorDetails {
  /** The public operation, e.g. `'downloadMnist'`. */
  readonly op: string;
  readonly reason: DownloadFailure;
  /** The file being downloaded, e.g. `'train-images-idx3-ubyte.gz'`. */
  readonly file: string;
  /** The URL of the failed request (absent for `'mirrors'`). */
  readonly url?: string | undefined;
  /** The HTTP status (for `'status'`). */
  readonly status?: number | undefined;
  /** What went wrong, in words (e.g. `'HTTP 404 Not Found'`). */
  readonly detail: string;
  /** Each failed attempt, in order (for `'mirrors'`). */
  readonly attempts?: readonly DownloadError[];
  /** The underlying error, if any (a fetch TypeError, an AbortError…). */
  readonly cause?: unknown;
}

function formatMessage(d: DownloadErrorDetails): string {
  const lines = (d.attempts ?? []).map((a) => `\n  - ${a.url ?? '?'}: ${a.detail}`);
  const at = d.url === undefined ? '' : ` (${d.url})`;
  return `[@nn] ${d.op}(${d.file}): ${d.detail}${at}${lines.join('')}`;
}

/**
 * A download failed: the network, the server, or the bytes (`reason` says which; see
 * `DownloadFailure`). `downloadMnist` tries every attempt at every mirror and then throws one
 * `DownloadError` with `reason: 'mirrors'` whose `attempts` list what happened at each.
 *
 * Not an `NNError`: those are for misuse and malformed data with a closed set of codes, while a
 * download fails for reasons outside the program. Its stable `code` is `'E_DOWNLOAD'`; malformed
 * content of a verified file is a `FormatError`, bad options an `ArgumentError`, as elsewhere.
 *
 * @example
 * ```ts
 * const notFound = async () => new Response('no such file', { status: 404 });
 * const cacheDir = join(tmpdir(), 'nn-doc-download-error');
 * let error: DownloadError | undefined;
 * try {
 *   await downloadMnist({ cacheDir, fetch: notFound, mirrors: ['https://mirror.invalid/mnist/'] });
 * } catch (e) {
 *   if (e instanceof DownloadError) error = e;
 * }
 * error?.code;   // 'E_DOWNLOAD'
 * error?.reason; // 'mirrors'
 * error?.attempts.map((a) => [a.reason, a.status]); // [['status', 404]]
 * ```
 * @category Download
 */
export class DownloadError extends Error {
  /** Stable machine-readable code. */
  readonly code = 'E_DOWNLOAD' as const;
  /** The operation that failed. */
  readonly op: string;
  /** Why it failed. */
  readonly reason: DownloadFailure;
  /** The file being downloaded. */
  readonly file: string;
  /** The URL of the failed request (`undefined` for `'mirrors'`). */
  readonly url: string | undefined;
  /** The HTTP status, for `'status'`. */
  readonly status: number | undefined;
  /** What went wrong, in words. */
  readonly detail: string;
  /** The failed attempts, in order, for `'mirrors'` (else empty). */
  readonly attempts: readonly DownloadError[];

  constructor(details: DownloadErrorDetails) {
    super(formatMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.op = details.op;
    this.reason = details.reason;
    this.file = details.file;
    this.url = details.url;
    this.status = details.status;
    this.detail = details.detail;
    this.attempts = details.attempts ?? [];
  }
}
