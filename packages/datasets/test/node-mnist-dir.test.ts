// loadMnistDir / loadFashionMnist: the four standard files (raw or .gz), MNIST content checks, and
// the real Fashion-MNIST of Debian's dataset-fashion-mnist.
import { ArgumentError, FormatError } from '@nn/tensor';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeIdx, FASHION_MNIST_CLASSES, type IdxInput, MNIST_CLASSES } from '../src/index.js';
import { FASHION_MNIST_DEBIAN_DIR, loadFashionMnist, loadMnistDir, readIdxFile, writeIdxFile } from '../src/node.js';

const root = mkdtempSync(join(tmpdir(), 'nn-mnist-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Files = Record<'train-images' | 'train-labels' | 't10k-images' | 't10k-labels', IdxInput>;

const FILE_NAMES = {
  'train-images': 'train-images-idx3-ubyte',
  'train-labels': 'train-labels-idx1-ubyte',
  't10k-images': 't10k-images-idx3-ubyte',
  't10k-labels': 't10k-labels-idx1-ubyte',
} as const;

/** N images of 28×28 where image i is filled with the value i + 1. */
function images(n: number, side = 28): IdxInput {
  const data = new Uint8Array(n * side * side);
  for (let i = 0; i < n; i++) data.fill(i + 1, i * side * side, (i + 1) * side * side);
  return { dtype: 'uint8', shape: [n, side, side], data };
}
const labels = (...values: number[]): IdxInput => ({ dtype: 'uint8', shape: [values.length], data: values });

function validFiles(): Files {
  return {
    'train-images': images(3),
    'train-labels': labels(5, 0, 9),
    't10k-images': images(2),
    't10k-labels': labels(7, 2),
  };
}

let counter = 0;
/** Writes the files into a fresh directory: `gz` picks which ones are gzip (default all). */
async function makeDir(files: Files, gz: (key: keyof Files) => boolean = () => true): Promise<string> {
  const dir = join(root, `m${counter++}`);
  mkdirSync(dir);
  for (const key of Object.keys(files) as (keyof Files)[]) {
    await writeIdxFile(join(dir, `${FILE_NAMES[key]}${gz(key) ? '.gz' : ''}`), files[key]);
  }
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('loadMnistDir', () => {
  it('loads the four files into ImageDatasets (gzip, raw, or a mix)', async () => {
    for (const gz of [() => true, () => false, (k: keyof Files) => k.startsWith('train')]) {
      const { train, test } = await loadMnistDir(await makeDir(validFiles(), gz));
      expect([train.length, test.length]).toEqual([3, 2]);
      expect([train.height, train.width]).toEqual([28, 28]);
      expect(Array.from(train.labels)).toEqual([5, 0, 9]);
      expect(Array.from(test.labels)).toEqual([7, 2]);
      const [image, label] = train.get(2);
      expect(image.shape).toEqual([1, 28, 28]);
      expect(label).toBe(9);
      expect(image.toArray()).toEqual([
        Array.from({ length: 28 }, () => Array.from({ length: 28 }, () => Math.fround(3 / 255))),
      ]);
      expect(train.classNames).toEqual(MNIST_CLASSES);
    }
  });

  it("uses Fashion-MNIST's class names for kind 'fashion'", async () => {
    const { train } = await loadMnistDir(await makeDir(validFiles()), { kind: 'fashion' });
    // The literal list is pinned once, in mnist-load.test.ts.
    expect(train.classNames).toEqual(FASHION_MNIST_CLASSES);
  });

  it('prefers the raw file when both the raw and the .gz exist', async () => {
    const dir = await makeDir(validFiles());
    await writeIdxFile(join(dir, FILE_NAMES['train-labels']), labels(1, 1, 1));
    expect(Array.from((await loadMnistDir(dir)).train.labels)).toEqual([1, 1, 1]);
  });

  it('names the missing file', async () => {
    const dir = await makeDir(validFiles());
    rmSync(join(dir, `${FILE_NAMES['t10k-labels']}.gz`));
    const error = (await rejection(loadMnistDir(dir))) as ArgumentError;
    expect(error).toBeInstanceOf(ArgumentError);
    expect([error.op, error.arg]).toEqual(['loadMnistDir', 'dir']);
    expect(error.message).toContain('t10k-labels-idx1-ubyte.gz');
    expect(await rejection(loadMnistDir(join(root, 'no-such-dir')))).toBeInstanceOf(ArgumentError);
  });

  const contentCases: [string, (f: Files) => void, string][] = [
    [
      'int8 images',
      (f) => (f['train-images'] = { dtype: 'int8', shape: [3, 28, 28], data: new Int8Array(3 * 784) }),
      'trainImages',
    ],
    [
      'rank-2 images',
      (f) => (f['t10k-images'] = { dtype: 'uint8', shape: [2, 784], data: new Uint8Array(2 * 784) }),
      'testImages',
    ],
    ['32×32 images', (f) => (f['train-images'] = images(3, 32)), 'trainImages'],
    ['float labels', (f) => (f['t10k-labels'] = { dtype: 'float32', shape: [2], data: [7, 2] }), 'testLabels'],
    ['rank-2 labels', (f) => (f['train-labels'] = { dtype: 'uint8', shape: [3, 1], data: [5, 0, 9] }), 'trainLabels'],
    ['fewer labels than images', (f) => (f['train-labels'] = labels(5, 0)), 'trainLabels'],
    ['more labels than images', (f) => (f['t10k-labels'] = labels(7, 2, 1)), 'testLabels'],
    ['label 10', (f) => (f['t10k-labels'] = labels(7, 10)), 'testLabels'],
    ['label 255', (f) => (f['train-labels'] = labels(255, 0, 0)), 'trainLabels'],
  ];
  for (const [name, change, arg] of contentCases) {
    it(`rejects ${name} with FormatError(${arg})`, async () => {
      const files = validFiles();
      change(files);
      const dir = await makeDir(files);
      const error = (await rejection(loadMnistDir(dir))) as FormatError;
      expect(error).toBeInstanceOf(FormatError);
      expect([error.op, error.arg]).toEqual(['loadMnistDir', arg]);
      expect(error.message).toContain(dir);
    });
  }

  it('rejects a malformed file with the reader’s FormatError and the path', async () => {
    const dir = await makeDir(validFiles());
    const path = join(dir, `${FILE_NAMES['train-images']}.gz`);
    writeFileSync(path, new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]));
    const error = (await rejection(loadMnistDir(dir))) as FormatError;
    expect(error).toBeInstanceOf(FormatError);
    expect([error.op, error.arg]).toEqual(['loadMnistDir', 'gzip']);
    expect(error.message).toContain(path);
  });

  it('validates its options', async () => {
    const dir = await makeDir(validFiles());
    await expect(loadMnistDir(dir, { kind: 'kmnist' as never })).rejects.toMatchObject({
      constructor: ArgumentError,
      arg: 'kind',
    });
    await expect(loadMnistDir('' as never)).rejects.toMatchObject({ constructor: ArgumentError, arg: 'dir' });
    await expect(loadMnistDir(dir, { maxBytes: 0 })).rejects.toMatchObject({
      constructor: ArgumentError,
      arg: 'maxBytes',
    });
    await expect(loadMnistDir(dir, { maxBytes: 100 })).rejects.toMatchObject({
      constructor: FormatError,
      arg: 'shape',
    });
  });
});

describe('loadFashionMnist', () => {
  it('loads another directory with the Fashion-MNIST class names', async () => {
    const { test } = await loadFashionMnist({ dir: await makeDir(validFiles()) });
    expect(test.classNames[test.get(0)[1]]).toBe('Sneaker');
  });

  it('names the Debian package when the default directory lacks the files', async () => {
    if (existsSync(FASHION_MNIST_DEBIAN_DIR)) return; // covered by the real-data test below
    const error = (await rejection(loadFashionMnist())) as ArgumentError;
    expect(error.message).toContain('dataset-fashion-mnist');
  });

  // CI installs Debian's dataset-fashion-mnist; elsewhere the test runs when the package is there.
  const available = existsSync(FASHION_MNIST_DEBIAN_DIR);
  it.skipIf(!available && process.env.CI === undefined)('loads the real Fashion-MNIST (60,000 + 10,000)', async () => {
    const { train, test } = await loadFashionMnist();
    expect([train.length, test.length]).toEqual([60000, 10000]);
    expect([train.height, train.width, train.images.length]).toEqual([28, 28, 60000 * 784]);
    expect(test.images.length).toBe(10000 * 784);
    // Balanced classes: 6,000 per class in train, 1,000 in test.
    const histogram = (l: Uint8Array): number[] => l.reduce((h, y) => (h[y]!++, h), new Array<number>(10).fill(0));
    expect(histogram(train.labels)).toEqual(new Array(10).fill(6000));
    expect(histogram(test.labels)).toEqual(new Array(10).fill(1000));
    // First labels and pixel sums, checked independently (Python's gzip module on the same files).
    expect(Array.from(train.labels.subarray(0, 5))).toEqual([9, 0, 0, 3, 0]);
    expect(Array.from(test.labels.subarray(0, 5))).toEqual([9, 2, 1, 1, 6]);
    const sum = (a: Uint8Array): number => a.reduce((s, v) => s + v, 0);
    expect(sum(train.images)).toBe(3431114169);
    expect(sum(test.images)).toBe(573469082);
    expect(train.classNames[train.get(0)[1]]).toBe('Ankle boot');
    const [batch, ys] = train.getBatch([0, 1]);
    expect(batch.shape).toEqual([2, 1, 28, 28]);
    expect(ys.toArray()).toEqual([9, 0]);
  });

  it.skipIf(!available && process.env.CI === undefined)(
    'decodeIdx (DecompressionStream) and readIdxFile (zlib) agree on the real test images',
    async () => {
      const path = join(FASHION_MNIST_DEBIAN_DIR, 't10k-images-idx3-ubyte.gz');
      const viaStream = await decodeIdx(new Uint8Array(readFileSync(path)));
      const viaZlib = await readIdxFile(path);
      expect(viaStream.shape).toEqual([10000, 28, 28]);
      expect(viaZlib.shape).toEqual([10000, 28, 28]);
      expect(Buffer.compare(viaStream.data as Uint8Array, viaZlib.data as Uint8Array)).toBe(0);
    },
  );
});
