// downloadMnist against a real HTTP server on 127.0.0.1 serving files the test makes: mirrors,
// cache, hashes, timeouts, truncated bodies, concurrency, and never a partial file left behind.
import { ArgumentError, FormatError } from '@nn/tensor';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeIdx } from '../src/index.js';
import {
  DownloadError,
  type DownloadProgress,
  downloadMnist,
  FASHION_MNIST_FILES,
  FASHION_MNIST_MIRRORS,
  MNIST_FILES,
  MNIST_MIRRORS,
} from '../src/node.js';
import { fetchFile } from '../src/node/fetch-file.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const gz = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes));

/** Tiny MNIST files: 4 train images labelled 1 2 3 4, 2 test images labelled 8 9. */
function makeFiles(labelsOverride?: number[]): Map<string, Uint8Array> {
  const images = (n: number): Uint8Array =>
    gz(writeIdx({ dtype: 'uint8', shape: [n, 28, 28], data: new Uint8Array(n * 784).map((_, i) => i % 256) }));
  return new Map([
    ['train-images-idx3-ubyte.gz', images(4)],
    ['train-labels-idx1-ubyte.gz', gz(writeIdx({ dtype: 'uint8', shape: [4], data: labelsOverride ?? [1, 2, 3, 4] }))],
    ['t10k-images-idx3-ubyte.gz', images(2)],
    ['t10k-labels-idx1-ubyte.gz', gz(writeIdx({ dtype: 'uint8', shape: [2], data: [8, 9] }))],
  ]);
}

const FILES = makeFiles();
const OVERRIDES = [...FILES].map(([name, bytes]) => ({ name, sha256: sha256(bytes) }));
const NAMES = [...FILES.keys()];

type Behaviour = (req: IncomingMessage, res: ServerResponse, name: string) => void;

/** Serves the file. */
const serve: Behaviour = (_req, res, name) => {
  const body = FILES.get(name);
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length }).end(body);
};
const notFound: Behaviour = (_req, res) => void res.writeHead(404, 'Not Found').end('missing');
const hang: Behaviour = () => undefined; // never answers
const truncate: Behaviour = (_req, res, name) => {
  const body = FILES.get(name)!;
  res.writeHead(200, { 'content-length': body.length });
  res.write(body.subarray(0, body.length >> 1), () => res.destroy());
};
const stallMidBody: Behaviour = (_req, res, name) => {
  const body = FILES.get(name)!;
  res.writeHead(200, { 'content-length': body.length });
  res.write(body.subarray(0, 10)); // then nothing
};
const wrongBytes: Behaviour = (_req, res, name) => {
  const body = makeFiles([4, 3, 2, 1]).get(name)!;
  res.writeHead(200, { 'content-length': body.length }).end(body);
};

let server: Server;
let base = '';
/** The behaviour of each mirror ('/a/', '/b/', …) and the requests each path received. */
let mirrors: Record<string, Behaviour> = {};
let requests: string[] = [];
let cacheDir = '';
const root = mkdtempSync(join(tmpdir(), 'nn-download-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push(url);
    res.shouldKeepAlive = false; // no pooled sockets across tests (afterEach drops every connection)
    const [, mirror = '', name = ''] = /^\/([^/]+)\/(.*)$/.exec(url) ?? [];
    (mirrors[mirror] ?? notFound)(req, res, name);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(root, { recursive: true, force: true });
});

let counter = 0;
beforeEach(() => {
  mirrors = { a: serve, b: serve };
  requests = [];
  cacheDir = join(root, `c${counter++}`);
});

afterEach(() => {
  server.closeAllConnections(); // drop hung requests
  // Never a temporary file left behind, whatever happened.
  const leftovers = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? leftovers(join(dir, e.name)) : e.name.endsWith('.tmp') ? [join(dir, e.name)] : [],
    );
  try {
    expect(leftovers(cacheDir)).toEqual([]);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
});

const options = (extra: Record<string, unknown> = {}) => ({
  cacheDir,
  mirrors: [`${base}/a/`, `${base}/b/`],
  files: OVERRIDES,
  retries: 0,
  timeoutMs: 2000,
  ...extra,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('downloadMnist', () => {
  it('downloads, verifies and loads the four files, then serves them from the cache', async () => {
    const progress: DownloadProgress[] = [];
    const first = await downloadMnist(options({ onProgress: (p: DownloadProgress) => progress.push(p) }));
    expect(first.dir).toBe(join(cacheDir, 'mnist'));
    expect([first.train.length, first.test.length]).toEqual([4, 2]);
    expect(Array.from(first.train.labels)).toEqual([1, 2, 3, 4]);
    expect(Array.from(first.test.labels)).toEqual([8, 9]);
    expect(first.train.classNames[3]).toBe('3');
    expect(requests).toEqual(NAMES.map((n) => `/a/${n}`));
    expect(readdirSync(first.dir).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(new Uint8Array(readFileSync(join(first.dir, name)))).toEqual(FILES.get(name));
    // Progress: every file reaches its full size.
    for (const name of NAMES) {
      const last = progress.filter((p) => p.file === name).at(-1)!;
      expect(last).toMatchObject({
        cached: false,
        receivedBytes: FILES.get(name)!.length,
        totalBytes: FILES.get(name)!.length,
      });
      expect(last.url).toBe(`${base}/a/${name}`);
    }

    requests = [];
    progress.length = 0;
    const second = await downloadMnist(options({ onProgress: (p: DownloadProgress) => progress.push(p) }));
    expect(requests).toEqual([]); // a verified cache makes no request
    expect(progress.map((p) => [p.file, p.cached, p.url])).toEqual(NAMES.map((n) => [n, true, null]));
    expect(Array.from(second.train.labels)).toEqual([1, 2, 3, 4]);
  });

  it('falls back to the next mirror after a 404', async () => {
    mirrors.a = notFound;
    const { train } = await downloadMnist(options());
    expect(train.length).toBe(4);
    expect(requests).toEqual(NAMES.flatMap((n) => [`/a/${n}`, `/b/${n}`]));
  });

  it('throws DownloadError(mirrors) listing every attempt when all mirrors fail', async () => {
    mirrors = { a: notFound, b: notFound };
    const error = (await rejection(downloadMnist(options({ retries: 2, retryDelayMs: 0 })))) as DownloadError;
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.code).toBe('E_DOWNLOAD');
    expect(error.reason).toBe('mirrors');
    expect(error.file).toBe('train-images-idx3-ubyte.gz');
    // 404 is not transient: one attempt per mirror despite retries: 2.
    expect(error.attempts.map((a) => [a.reason, a.status, a.url])).toEqual([
      ['status', 404, `${base}/a/train-images-idx3-ubyte.gz`],
      ['status', 404, `${base}/b/train-images-idx3-ubyte.gz`],
    ]);
    expect(error.message).toContain('HTTP 404 Not Found');
    expect(error.message).toContain(`${base}/b/train-images-idx3-ubyte.gz`);
    expect(readdirSync(join(cacheDir, 'mnist'))).toEqual([]);
  });

  it('times out on a server that never answers, and moves on', async () => {
    mirrors.a = hang;
    const { test } = await downloadMnist(options({ timeoutMs: 500 }));
    expect(test.length).toBe(2);
    mirrors = { a: hang, b: hang };
    cacheDir = join(root, `c${counter++}`);
    const error = (await rejection(
      downloadMnist(options({ timeoutMs: 150, mirrors: [`${base}/a/`] })),
    )) as DownloadError;
    expect(error.attempts.map((a) => a.reason)).toEqual(['timeout']);
    expect(error.attempts[0]!.detail).toContain('150 ms');
  });

  it('times out when the body stalls (the timeout is per chunk)', async () => {
    mirrors = { a: stallMidBody, b: serve };
    const error = (await rejection(
      downloadMnist(options({ timeoutMs: 150, mirrors: [`${base}/a/`] })),
    )) as DownloadError;
    expect(error.attempts.map((a) => a.reason)).toEqual(['timeout']);
    expect(readdirSync(join(cacheDir, 'mnist'))).toEqual([]);
  });

  it('rejects a truncated body (connection closed before Content-Length), retrying it', async () => {
    mirrors = { a: truncate, b: truncate };
    const error = (await rejection(downloadMnist(options({ retries: 1, retryDelayMs: 0 })))) as DownloadError;
    expect(error.attempts.map((a) => a.reason)).toEqual(['truncated', 'truncated', 'truncated', 'truncated']);
    expect(requests).toHaveLength(4);
    expect(readdirSync(join(cacheDir, 'mnist'))).toEqual([]);
  });

  it('rejects a body whose SHA-256 is wrong and never keeps it', async () => {
    mirrors = { a: wrongBytes, b: serve };
    const { train } = await downloadMnist(options());
    expect(Array.from(train.labels)).toEqual([1, 2, 3, 4]); // from mirror b
    mirrors = { a: wrongBytes, b: wrongBytes };
    cacheDir = join(root, `c${counter++}`);
    const error = (await rejection(downloadMnist(options({ retries: 3 })))) as DownloadError;
    // The images are identical in both sets: the first failing file is the labels.
    expect(error.file).toBe('train-labels-idx1-ubyte.gz');
    expect(error.attempts.map((a) => a.reason)).toEqual(['checksum', 'checksum']); // not retried
    expect(error.attempts[0]!.detail).toContain(OVERRIDES[1]!.sha256);
    expect(readdirSync(join(cacheDir, 'mnist'))).toEqual(['train-images-idx3-ubyte.gz']);
  });

  it('retries transient HTTP errors (503) at the same mirror', async () => {
    let failures = 0;
    mirrors.a = (req, res, name) => {
      if (name.startsWith('train-images') && failures++ === 0) res.writeHead(503).end();
      else serve(req, res, name);
    };
    await downloadMnist(options({ retries: 1, retryDelayMs: 0 }));
    expect(requests.filter((r) => r.startsWith('/a/train-images'))).toHaveLength(2);
    expect(requests.filter((r) => r.startsWith('/b/'))).toEqual([]);
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const error = (await rejection(
      downloadMnist(options({ mirrors: [`http://127.0.0.1:${port}/x/`] })),
    )) as DownloadError;
    expect(error.attempts.map((a) => a.reason)).toEqual(['network']);
  });

  it('re-verifies the cache: a corrupt or partial cached file is deleted and downloaded again', async () => {
    const dir = join(cacheDir, 'mnist');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'train-labels-idx1-ubyte.gz'), 'garbage');
    const images = FILES.get('t10k-images-idx3-ubyte.gz')!;
    writeFileSync(join(dir, 't10k-images-idx3-ubyte.gz'), images.subarray(0, images.length - 1));
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), FILES.get('train-images-idx3-ubyte.gz')!); // a good one
    const { train } = await downloadMnist(options());
    expect(Array.from(train.labels)).toEqual([1, 2, 3, 4]);
    expect(requests.sort()).toEqual([
      '/a/t10k-images-idx3-ubyte.gz',
      '/a/t10k-labels-idx1-ubyte.gz',
      '/a/train-labels-idx1-ubyte.gz',
    ]);
    for (const name of NAMES)
      expect(sha256(new Uint8Array(readFileSync(join(dir, name))))).toBe(sha256(FILES.get(name)!));
  });

  it('shares downloads between concurrent calls (one request per file)', async () => {
    mirrors.a = (req, res, name) => setTimeout(() => serve(req, res, name), 30);
    const results = await Promise.all([downloadMnist(options()), downloadMnist(options()), downloadMnist(options())]);
    for (const r of results) expect(Array.from(r.train.labels)).toEqual([1, 2, 3, 4]);
    expect(requests.sort()).toEqual(NAMES.map((n) => `/a/${n}`).sort());
  });

  it('shares in-process work whatever the mirror lists (same file, same digest)', async () => {
    const results = await Promise.all([
      downloadMnist(options({ mirrors: [`${base}/a/`] })),
      downloadMnist(options({ mirrors: [`${base}/b/`] })),
    ]);
    expect(results.map((r) => r.train.length)).toEqual([4, 4]);
    expect(requests).toHaveLength(4);
  });

  it('keeps a file whole when independent downloads race to the same path (as separate processes do)', async () => {
    mirrors.a = (req, res, name) => setTimeout(() => serve(req, res, name), 10 + Math.random() * 40);
    const name = 'train-images-idx3-ubyte.gz';
    const target = join(cacheDir, name);
    mkdirSync(cacheDir, { recursive: true });
    const sizes: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () =>
        fetchFile({
          op: 'test',
          url: `${base}/a/${name}`,
          file: name,
          target,
          sha256: sha256(FILES.get(name)!),
          fetch: globalThis.fetch,
          timeoutMs: 2000,
          signal: undefined,
          onBytes: (received) => sizes.push(received),
        }),
      ),
    );
    expect(requests).toHaveLength(6);
    expect(sha256(new Uint8Array(readFileSync(target)))).toBe(sha256(FILES.get(name)!));
    expect(readdirSync(cacheDir)).toEqual([name]);
  });

  it('stops when the signal aborts, with its reason and no partial file', async () => {
    mirrors.a = stallMidBody;
    const controller = new AbortController();
    const pending = rejection(downloadMnist(options({ signal: controller.signal, timeoutMs: 10_000 })));
    setTimeout(() => controller.abort(new Error('user cancelled')), 100);
    const error = (await pending) as Error;
    expect(error).not.toBeInstanceOf(DownloadError);
    expect(error.message).toBe('user cancelled');
    expect(readdirSync(join(cacheDir, 'mnist'))).toEqual([]);
  });

  it('downloads Fashion-MNIST into its own directory with its class names', async () => {
    const { train, dir } = await downloadMnist(options({ kind: 'fashion' }));
    expect(dir).toBe(join(cacheDir, 'fashion-mnist'));
    expect(train.classNames[0]).toBe('T-shirt/top');
  });

  it('loads verified files that are not MNIST as a FormatError', async () => {
    const bad = makeFiles([1, 2, 3, 40]);
    mirrors.a = (_req, res, name) => void res.writeHead(200).end(bad.get(name));
    const files = [...bad].map(([name, bytes]) => ({ name, sha256: sha256(bytes) }));
    const error = (await rejection(downloadMnist(options({ files })))) as FormatError;
    expect(error).toBeInstanceOf(FormatError);
    expect([error.op, error.arg]).toEqual(['downloadMnist', 'trainLabels']);
  });

  it('works with a custom fetch and without Content-Length', async () => {
    const fetch = async (url: string): Promise<Response> =>
      new Response(FILES.get(url.slice(url.lastIndexOf('/') + 1)) as Uint8Array<ArrayBuffer>);
    const { test } = await downloadMnist(options({ fetch, mirrors: ['https://mirror.invalid/m/'] }));
    expect(Array.from(test.labels)).toEqual([8, 9]);
    expect(requests).toEqual([]);
  });

  it('compares the body with Content-Length when the fetch does not (longer and shorter bodies)', async () => {
    for (const [delta, detail] of [
      [-1, 'at least'],
      [+1, 'Content-Length says'],
    ] as const) {
      const fetch = async (url: string): Promise<Response> => {
        const body = FILES.get(url.slice(url.lastIndexOf('/') + 1))!;
        return new Response(body as Uint8Array<ArrayBuffer>, {
          headers: { 'content-length': String(body.length + delta) },
        });
      };
      cacheDir = join(root, `c${counter++}`);
      const error = (await rejection(
        downloadMnist(options({ fetch, mirrors: ['https://mirror.invalid/m/'] })),
      )) as DownloadError;
      expect(error.attempts.map((a) => a.reason)).toEqual(['truncated']);
      expect(error.attempts[0]!.detail).toContain(detail);
    }
  });

  it('validates its options', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ cacheDir: '' }, 'cacheDir'],
      [{ kind: 'emnist' }, 'kind'],
      [{ mirrors: [] }, 'mirrors'],
      [{ mirrors: ['ftp://x/'] }, 'mirrors'],
      [{ mirrors: ['not a url'] }, 'mirrors'],
      [{ files: OVERRIDES.slice(1) }, 'files'],
      [{ files: [...OVERRIDES.slice(1), { name: 'x.gz', sha256: OVERRIDES[0]!.sha256 }] }, 'files'],
      [{ files: [...OVERRIDES.slice(1), { name: OVERRIDES[0]!.name, sha256: 'abc' }] }, 'files'],
      [{ files: [...OVERRIDES.slice(1), OVERRIDES[1]] }, 'files'],
      [{ fetch: 'curl' }, 'fetch'],
      [{ timeoutMs: 0 }, 'timeoutMs'],
      [{ retries: -1 }, 'retries'],
      [{ retries: 1.5 }, 'retries'],
      [{ retryDelayMs: -1 }, 'retryDelayMs'],
      [{ onProgress: 3 }, 'onProgress'],
      [{ signal: {} }, 'signal'],
      [{ cachedir: '/tmp' }, 'options'],
    ];
    for (const [extra, arg] of cases) {
      const error = (await rejection(downloadMnist(options(extra) as never))) as ArgumentError;
      expect([error instanceof ArgumentError, error.arg]).toEqual([true, arg]);
    }
    expect(requests).toEqual([]);
  });

  it('accepts raw (uncompressed) file names in the overrides', async () => {
    const raw = new Map([...FILES].map(([name, bytes]) => [name.slice(0, -3), new Uint8Array(gunzip(bytes))]));
    mirrors.a = (_req, res, name) => void res.writeHead(200).end(raw.get(name));
    const files = [...raw].map(([name, bytes]) => ({ name, sha256: sha256(bytes).toUpperCase() }));
    const { train, dir } = await downloadMnist(options({ files }));
    expect(train.length).toBe(4);
    expect(readdirSync(dir).sort()).toEqual([...raw.keys()].sort());
  });
});

describe('default sources', () => {
  it('pin a SHA-256 for each standard file and use https mirrors for MNIST', () => {
    for (const files of [MNIST_FILES, FASHION_MNIST_FILES]) {
      expect(files.map((f) => f.name).sort()).toEqual([...NAMES].sort());
      for (const f of files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set([...MNIST_FILES, ...FASHION_MNIST_FILES].map((f) => f.sha256)).size).toBe(8);
    expect(MNIST_MIRRORS.every((m) => m.startsWith('https://') && m.endsWith('/'))).toBe(true);
    expect(FASHION_MNIST_MIRRORS.every((m) => m.endsWith('/'))).toBe(true);
  });
});

function gunzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gunzipSync(bytes));
}
