import { ArgumentError } from '@nn/tensor';
import { checkMaxBytes } from '../idx/decode.js';
import type { MnistSplits } from '../mnist/index.js';
import { checkKind, findMnistFiles, loadMnistFiles, type MnistKind } from './mnist-files.js';

/**
 * Options of `loadMnistDir`.
 * @category MNIST
 */
export interface LoadMnistDirOptions {
  /** `'mnist'` (digits, the default) or `'fashion'` (Fashion-MNIST): sets the class names. */
  readonly kind?: MnistKind;
  /** Largest (inflated) file accepted, in bytes (default 1 GiB). */
  readonly maxBytes?: number;
}

/**
 * Options of `loadFashionMnist`.
 * @category MNIST
 */
export interface LoadFashionMnistOptions {
  /** The directory with the four files (default: where Debian's `dataset-fashion-mnist` puts them). */
  readonly dir?: string;
  /** Largest (inflated) file accepted, in bytes (default 1 GiB). */
  readonly maxBytes?: number;
}

/**
 * Where Debian's and Ubuntu's `dataset-fashion-mnist` package installs Fashion-MNIST.
 * @category MNIST
 */
export const FASHION_MNIST_DEBIAN_DIR = '/usr/share/datasets/fashion-mnist';

function checkDir(op: string, dir: unknown): string {
  if (typeof dir !== 'string' || dir === '') {
    throw new ArgumentError({ op, arg: 'dir', expected: 'a directory path', got: String(dir) });
  }
  return dir;
}

/**
 * Loads MNIST or Fashion-MNIST from a directory of the four standard IDX files
 * `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`,
 * `t10k-labels-idx1-ubyte`, each raw or gzip (`.gz`) — the raw one when both exist, as in
 * torchvision's `MNIST/raw/`. Each file is read with `readIdxFile`, then checked: images uint8
 * `[N, 28, 28]`, labels uint8 `[N]` with the same N, every label 0 … 9. The splits are
 * `ImageDataset`s (`get(i)` → `[image [1, 28, 28] float32 in [0, 1], label]`).
 *
 * @param dir - the directory.
 * @param options - `kind`: `'mnist'` (class names `'0'` … `'9'`) or `'fashion'` (`'T-shirt/top'`
 *   … `'Ankle boot'`); `maxBytes`: largest file accepted (default 1 GiB).
 * @returns `{ train, test }`.
 * @throws `ArgumentError` (`arg: 'dir'`) when a file is missing (neither raw nor `.gz`), or for bad
 *   options; `FormatError` for a malformed file (as `readIdxFile`) or content that is not MNIST,
 *   with `arg` naming the file's role (`'trainImages'`, `'trainLabels'`, `'testImages'`,
 *   `'testLabels'`): wrong dtype or rank, images not 28×28, label count ≠ image count, a label
 *   ≥ 10; the file system's error for an unreadable file.
 * @example
 * ```ts
 * const dir = join(tmpdir(), 'nn-doc-mnist-dir');
 * const images = (n: number) => ({ dtype: 'uint8', shape: [n, 28, 28], data: new Uint8Array(n * 784).fill(255) }) as const;
 * await writeIdxFile(join(dir, 'train-images-idx3-ubyte.gz'), images(3));
 * await writeIdxFile(join(dir, 'train-labels-idx1-ubyte.gz'), { dtype: 'uint8', shape: [3], data: [5, 0, 4] });
 * await writeIdxFile(join(dir, 't10k-images-idx3-ubyte'), images(1));
 * await writeIdxFile(join(dir, 't10k-labels-idx1-ubyte'), { dtype: 'uint8', shape: [1], data: [7] });
 * const { train, test } = await loadMnistDir(dir);
 * [train.length, test.length]; // [3, 1]
 * train.get(2)[1]; // 4
 * train.get(0)[0].shape; // [1, 28, 28]
 * test.classNames[7]; // '7'
 * (await loadMnistDir(dir, { kind: 'fashion' })).test.classNames[7]; // 'Sneaker'
 * await loadMnistDir(join(tmpdir(), 'nn-doc-empty-dir')); // throws ArgumentError
 * ```
 * @category MNIST
 */
export async function loadMnistDir(dir: string, options: LoadMnistDirOptions = {}): Promise<MnistSplits> {
  const op = 'loadMnistDir';
  const path = checkDir(op, dir);
  const kind = checkKind(op, options.kind ?? 'mnist');
  const maxBytes = checkMaxBytes(op, options.maxBytes);
  return loadMnistFiles(op, await findMnistFiles(op, path), kind, maxBytes);
}

/**
 * Loads Fashion-MNIST (Zalando's 70,000 28×28 grey-scale clothing images in 10 classes, the same
 * layout as MNIST) from a directory, by default the one Debian's `dataset-fashion-mnist` package
 * installs (`apt install dataset-fashion-mnist`). Same checks as `loadMnistDir` with
 * `kind: 'fashion'`; class names `'T-shirt/top'`, `'Trouser'`, `'Pullover'`, `'Dress'`, `'Coat'`,
 * `'Sandal'`, `'Shirt'`, `'Sneaker'`, `'Bag'`, `'Ankle boot'`. To download it instead, use
 * `downloadMnist({ kind: 'fashion', cacheDir })`.
 *
 * @param options - `dir` (default `/usr/share/datasets/fashion-mnist`); `maxBytes`.
 * @returns `{ train, test }`: 60,000 and 10,000 images for the full dataset.
 * @throws as `loadMnistDir`; a missing file's message says how to install the package.
 * @example
 * ```ts
 * const dir = join(tmpdir(), 'nn-doc-fashion');
 * const shirt = { dtype: 'uint8', shape: [1, 28, 28], data: new Uint8Array(784) } as const;
 * for (const split of ['train', 't10k']) {
 *   await writeIdxFile(join(dir, `${split}-images-idx3-ubyte.gz`), shirt);
 *   await writeIdxFile(join(dir, `${split}-labels-idx1-ubyte.gz`), { dtype: 'uint8', shape: [1], data: [6] });
 * }
 * const { train } = await loadFashionMnist({ dir });
 * train.classNames[train.get(0)[1]]; // 'Shirt'
 * ```
 * @category MNIST
 */
export async function loadFashionMnist(options: LoadFashionMnistOptions = {}): Promise<MnistSplits> {
  const op = 'loadFashionMnist';
  const dir = checkDir(op, options.dir ?? FASHION_MNIST_DEBIAN_DIR);
  const maxBytes = checkMaxBytes(op, options.maxBytes);
  const hint =
    options.dir === undefined
      ? "Install Debian's package (apt install dataset-fashion-mnist), pass { dir }, or use downloadMnist({ kind: 'fashion', cacheDir })"
      : undefined;
  return loadMnistFiles(op, await findMnistFiles(op, dir, hint), 'fashion', maxBytes);
}
