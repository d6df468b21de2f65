import { ArgumentError, IndexError, ShapeError, type Tensor, tensor, tidy } from '@nn/tensor';
import type { Transform } from '../transforms/transform.js';
import type { Dataset } from './dataset.js';
import { checkIndex, checkIndices, checkInteger, checkOptions, show } from './validate.js';

/** Options of `new ImageDataset`. @category Datasets */
export interface ImageDatasetOptions {
  /** Pixels 0…255, row-major `[N, C, H, W]` (for one channel, N images of H rows of W pixels). */
  images: Uint8Array;
  /** One class index per image, each `< classNames.length`; its length is N. */
  labels: Uint8Array;
  /** Image height H in pixels. */
  height: number;
  /** Image width W in pixels. */
  width: number;
  /** Channels C (default 1: grey-scale). */
  channels?: number;
  /** The name of each class, indexed by label. */
  classNames: readonly string[];
  /** Applied to every image `get` returns (`[C, H, W]`) and to every batch `getBatch` returns (`[B, C, H, W]`). */
  transform?: Transform | undefined;
}

const OPTION_KEYS = ['images', 'labels', 'height', 'width', 'channels', 'classNames', 'transform'];

let byteScale: Float32Array | undefined;

/** `v / 255` for every byte value, as float32 (the same numbers as torchvision's `ToTensor`). */
function scaleTable(): Float32Array {
  byteScale ??= Float32Array.from({ length: 256 }, (_, v) => v / 255);
  return byteScale;
}

/**
 * A labelled image dataset stored compactly as bytes (the form of MNIST and Fashion-MNIST): N
 * images of `C × H × W` pixels in a `Uint8Array` and N labels. Samples come out as float32 images
 * in `[0, 1]` (pixel / 255, as torchvision's `ToTensor`), with the optional transform applied.
 *
 * - `get(i)` → `[image [C, H, W] float32, label number]`;
 * - `getBatch(indices)` → `[images [B, C, H, W] float32, labels [B] int32]`, built in one pass over
 *   the bytes (no per-sample tensors), then the transform is applied once to the whole batch — so a
 *   transform must accept `[B, C, H, W]` as well as `[C, H, W]` (every transform of this package
 *   does, drawing independent random parameters per image).
 *
 * The arrays are kept, not copied: do not change them while the dataset is in use. Returned tensors
 * belong to the caller.
 *
 * @param options - `images`, `labels`, `height`, `width`, `classNames`, optional `channels` (1) and
 *   `transform`.
 * @throws `ArgumentError` for arrays that are not `Uint8Array`s, a height, width or channel count
 *   that is not a positive integer, empty or non-string class names, or an unknown option;
 *   `ShapeError` when `images.length ≠ N·C·H·W` (N = `labels.length`); `IndexError` for a label
 *   `≥ classNames.length`.
 * @example
 * ```ts
 * const images = new Uint8Array([0, 255, 255, 0, 51, 51, 51, 51]); // two 2×2 images
 * const ds = new ImageDataset({ images, labels: new Uint8Array([1, 0]), height: 2, width: 2, classNames: ['dark', 'light'] });
 * ds.length; // 2
 * const [image, label] = ds.get(0);
 * image.shape;     // [1, 2, 2]
 * image.toArray(); // [[[0, 1], [1, 0]]]
 * label;           // 1
 * const [x, y] = ds.getBatch([1, 0]);
 * x.shape;     // [2, 1, 2, 2]
 * y.toArray(); // [0, 1]
 * new ImageDataset({ images, labels: new Uint8Array([1, 2]), height: 2, width: 2, classNames: ['dark', 'light'] }); // throws IndexError
 * ```
 * @category Datasets
 */
export class ImageDataset implements Dataset<[Tensor, number]> {
  /** The pixels, `[N, C, H, W]` bytes. */
  readonly images: Uint8Array;
  /** The labels, N bytes. */
  readonly labels: Uint8Array;
  /** Image height H. */
  readonly height: number;
  /** Image width W. */
  readonly width: number;
  /** Channels C. */
  readonly channels: number;
  /** Class names, indexed by label. */
  readonly classNames: readonly string[];
  /** The transform applied to returned images, if any. */
  readonly transform: Transform | undefined;
  /** Number of images N. */
  readonly length: number;

  constructor(options: ImageDatasetOptions) {
    const op = 'new ImageDataset';
    const o = checkOptions(op, options, OPTION_KEYS);
    if (!(o.images instanceof Uint8Array)) {
      throw new ArgumentError({ op, arg: 'images', expected: 'a Uint8Array of pixels', got: show(o.images) });
    }
    if (!(o.labels instanceof Uint8Array)) {
      throw new ArgumentError({ op, arg: 'labels', expected: 'a Uint8Array of labels', got: show(o.labels) });
    }
    const height = checkInteger(op, 'height', o.height, 1);
    const width = checkInteger(op, 'width', o.width, 1);
    const channels = checkInteger(op, 'channels', o.channels ?? 1, 1);
    const names = o.classNames as unknown;
    if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string')) {
      throw new ArgumentError({ op, arg: 'classNames', expected: 'a non-empty array of strings', got: show(names) });
    }
    if (o.transform !== undefined && typeof o.transform !== 'function') {
      throw new ArgumentError({
        op,
        arg: 'transform',
        expected: 'a function (image: Tensor) => Tensor',
        got: show(o.transform),
      });
    }
    const n = o.labels.length;
    const perImage = channels * height * width;
    if (o.images.length !== n * perImage) {
      throw new ShapeError({
        op,
        arg: 'images',
        expected: `${n}·${channels}·${height}·${width} = ${n * perImage} bytes (labels.length·channels·height·width)`,
        got: `${o.images.length} bytes`,
      });
    }
    const classes = names.length;
    for (let i = 0; i < n; i++) {
      if (o.labels[i]! >= classes) {
        throw new IndexError({
          op,
          arg: `labels[${i}]`,
          expected: `a label in [0, ${classes}) (one per class name)`,
          got: String(o.labels[i]),
        });
      }
    }
    this.images = o.images;
    this.labels = o.labels;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.classNames = Object.freeze([...(names as string[])]);
    this.transform = o.transform;
    this.length = n;
  }

  /**
   * Image `index` as float32 `[C, H, W]` in `[0, 1]` (transformed), and its label.
   * @throws `IndexError` for an index outside `[0, length)`; `ArgumentError` for a non-integer.
   * @example
   * ```ts
   * const ds = new ImageDataset({ images: new Uint8Array([0, 255]), labels: new Uint8Array([0]), height: 1, width: 2, classNames: ['a'] });
   * ds.get(0)[0].toArray(); // [[[0, 1]]]
   * ds.get(1);              // throws IndexError
   * ```
   */
  get(index: number): [Tensor, number] {
    const i = checkIndex('ImageDataset.get', 'index', index, this.length);
    const size = this.channels * this.height * this.width;
    const scale = scaleTable();
    const out = new Float32Array(size);
    const images = this.images;
    for (let k = 0, o = i * size; k < size; k++) out[k] = scale[images[o + k]!]!;
    const shape = [this.channels, this.height, this.width];
    const transform = this.transform;
    const image = transform === undefined ? tensor(out, { shape }) : tidy(() => transform(tensor(out, { shape })));
    return [image, this.labels[i]!];
  }

  /**
   * The images and labels at `indices`, as `[images [B, C, H, W] float32, labels [B] int32]`,
   * in one pass; the transform (if any) is applied once to the whole batch.
   * @throws `IndexError` for an index outside `[0, length)`; `ArgumentError` for an empty list.
   * @example
   * ```ts
   * const ds = new ImageDataset({ images: new Uint8Array([0, 255, 51, 102]), labels: new Uint8Array([3, 1]), height: 1, width: 2, classNames: ['0', '1', '2', '3'] });
   * const [x, y] = ds.getBatch([1, 1, 0]);
   * x.shape;     // [3, 1, 1, 2]
   * x.toArray(); // ≈ [[[[0.2, 0.4]]], [[[0.2, 0.4]]], [[[0, 1]]]]
   * y.toArray(); // [1, 1, 3]
   * ```
   */
  getBatch(indices: readonly number[]): [Tensor, Tensor] {
    const list = checkIndices('ImageDataset.getBatch', 'indices', indices, this.length, false);
    const size = this.channels * this.height * this.width;
    const scale = scaleTable();
    const images = this.images;
    const pixels = new Float32Array(list.length * size);
    const labels = new Int32Array(list.length);
    for (let b = 0; b < list.length; b++) {
      const i = list[b]!;
      labels[b] = this.labels[i]!;
      for (let k = 0, o = i * size, d = b * size; k < size; k++) pixels[d + k] = scale[images[o + k]!]!;
    }
    const shape = [list.length, this.channels, this.height, this.width];
    const transform = this.transform;
    const x = transform === undefined ? tensor(pixels, { shape }) : tidy(() => transform(tensor(pixels, { shape })));
    return [x, tensor(labels)];
  }

  /**
   * The same images and labels (shared, not copied) with another transform (`undefined` removes it).
   * @example
   * ```ts
   * const ds = new ImageDataset({ images: new Uint8Array([0, 255]), labels: new Uint8Array([0]), height: 1, width: 2, classNames: ['a'] });
   * const shifted = ds.withTransform((x) => add(x, 1));
   * shifted.get(0)[0].toArray(); // [[[1, 2]]]
   * shifted.images === ds.images; // true
   * ```
   */
  withTransform(transform: Transform | undefined): ImageDataset {
    return new ImageDataset({ ...this.#options(), transform });
  }

  /**
   * A new `ImageDataset` of the images at `indices`, in that order (bytes copied into compact
   * arrays); the transform is kept.
   * @throws `IndexError` for an index outside `[0, length)`.
   * @example
   * ```ts
   * const ds = new ImageDataset({ images: new Uint8Array([10, 20, 30]), labels: new Uint8Array([0, 1, 0]), height: 1, width: 1, classNames: ['a', 'b'] });
   * const picked = ds.subset([2, 1]);
   * picked.length; // 2
   * picked.images; // Uint8Array [30, 20]
   * picked.labels; // Uint8Array [0, 1]
   * ```
   */
  subset(indices: readonly number[]): ImageDataset {
    const list = checkIndices('ImageDataset.subset', 'indices', indices, this.length);
    const size = this.channels * this.height * this.width;
    const images = new Uint8Array(list.length * size);
    const labels = new Uint8Array(list.length);
    list.forEach((i, b) => {
      images.set(this.images.subarray(i * size, (i + 1) * size), b * size);
      labels[b] = this.labels[i]!;
    });
    return new ImageDataset({ ...this.#options(), images, labels });
  }

  #options(): ImageDatasetOptions {
    return {
      images: this.images,
      labels: this.labels,
      height: this.height,
      width: this.width,
      channels: this.channels,
      classNames: this.classNames,
      transform: this.transform,
    };
  }
}
