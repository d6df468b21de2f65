// loadMnist(): the datasets it returns, fresh per call over bytes decoded once, and the bundle kept
// out of the static import graph (only `import()` reaches it).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_CLASSES, ImageDataset, loadMnist, MNIST_CLASSES, MNIST_SPLIT } from '../src/index.js';
import { MNIST_BUNDLE } from '../src/mnist/bundled-data.js';
import { decodeBundle } from '../src/mnist/decode-bundle.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

describe('loadMnist', () => {
  it('returns an 8,000 / 2,000 split of 28 × 28 digits with MNIST_CLASSES', async () => {
    const { train, test } = await loadMnist();
    for (const [set, n] of [
      [train, 8000],
      [test, 2000],
    ] as const) {
      expect(set).toBeInstanceOf(ImageDataset);
      expect(set.length).toBe(n);
      expect([set.height, set.width, set.channels]).toEqual([28, 28, 1]);
      expect(set.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(set.transform).toBeUndefined();
    }
    expect([train.length, test.length]).toEqual([MNIST_SPLIT.train, MNIST_SPLIT.test]);
  });

  it('serves exactly the bundled bytes: train first, then test', async () => {
    const { train, test } = await loadMnist();
    const { images, labels } = await decodeBundle('test', MNIST_BUNDLE);
    expect(Buffer.compare(train.images, images.subarray(0, 8000 * 784))).toBe(0);
    expect(Buffer.compare(test.images, images.subarray(8000 * 784))).toBe(0);
    expect(Buffer.compare(train.labels, labels.subarray(0, 8000))).toBe(0);
    expect(Buffer.compare(test.labels, labels.subarray(8000))).toBe(0);
  });

  it('gives samples as float32 [1, 28, 28] = byte / 255 and a digit label', async () => {
    const { test } = await loadMnist();
    const [image, label] = test.get(1999);
    expect(image.shape).toEqual([1, 28, 28]);
    expect(image.dtype).toBe('float32');
    const bytes = test.images.subarray(1999 * 784);
    expect(Array.from(image.dataSync())).toEqual(Array.from(bytes, (v) => Math.fround(v / 255)));
    expect(label).toBe(test.labels[1999]);
    const values = image.dataSync();
    expect(Math.max(...values)).toBeGreaterThan(0.9); // a digit, not a blank
    image.dispose();
  });

  it('returns new datasets with their own bytes on every call (changing one leaves the next intact)', async () => {
    const first = await loadMnist();
    const second = await loadMnist();
    // (`===`, not `not.toBe`: vitest would deep-compare the 6 MB arrays to word its message)
    expect(second.train === first.train).toBe(false);
    expect(second.train.images.buffer === first.train.images.buffer).toBe(false);
    expect(second.test.labels.buffer === first.test.labels.buffer).toBe(false);
    const pixel = first.train.images[400]!;
    first.train.images[400] = pixel ^ 0xff;
    first.test.labels[0] = (first.test.labels[0]! + 1) % 10;
    const third = await loadMnist();
    expect(third.train.images[400]).toBe(pixel);
    expect(Buffer.compare(third.test.labels, second.test.labels)).toBe(0);
  });

  it('serves concurrent first calls', async () => {
    const results = await Promise.all([loadMnist(), loadMnist(), loadMnist()]);
    expect(results.map((r) => r.train.length + r.test.length)).toEqual([10_000, 10_000, 10_000]);
  });
});

describe('the bundled data is loaded lazily', () => {
  it('no module imports bundled-data statically; loadMnist reaches it only through import()', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const reference = /(?:from|import|require)\s*\(?\s*['"][^'"]*bundled-data(?:\.js|\.ts)?['"]/g;
    const found = files.flatMap((f) =>
      [...readFileSync(join(src, f), 'utf8').matchAll(reference)].map((m) => `${f.replaceAll('\\', '/')}: ${m[0]}`),
    );
    expect(found).toEqual(["mnist/load-mnist.ts: import('./bundled-data.js'"]);
  });
});

describe('class names', () => {
  it('MNIST_CLASSES and FASHION_MNIST_CLASSES are frozen lists of 10', () => {
    expect(MNIST_CLASSES).toEqual(Array.from({ length: 10 }, (_, i) => String(i)));
    expect(FASHION_MNIST_CLASSES).toEqual([
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ]);
    expect(Object.isFrozen(MNIST_CLASSES)).toBe(true);
    expect(Object.isFrozen(FASHION_MNIST_CLASSES)).toBe(true);
    expect(Object.isFrozen(MNIST_SPLIT)).toBe(true);
    expect(Object.isFrozen(MNIST_SPLIT.trainPerClass)).toBe(true);
  });
});
