/**
 * The benchmark's batches: bundled MNIST training digits in a seeded order, the same for every
 * engine. Batches are built once up front (with @nn/datasets' `getBatch`) and kept as host arrays,
 * so data loading is outside the timed steps of every engine alike.
 */
import { loadMnist, type ImageDataset } from '@nn/datasets';
import type { Tensor } from '@nn/tensor';
import { mulberry32 } from '../../../../scripts/bench-kit/seeded-data.js';

/** One mini-batch as plain arrays. */
export interface HostBatch {
  readonly size: number;
  /** `[size, 1, 28, 28]` in [0, 1], row-major (the same bytes are `[size, 28, 28, 1]`: one channel). */
  readonly images: Float32Array;
  /** `[size]` class indices 0–9. */
  readonly labels: Int32Array;
  /** `[size, 10]` one-hot float32 targets (for TF.js's softmaxCrossEntropy). */
  readonly oneHot: Float32Array;
}

export interface BatchSet {
  /** Where the digits came from, for the report. */
  readonly source: string;
  readonly batches: readonly HostBatch[];
}

/** The training digits, as @nn/datasets hands them out. */
interface DigitSource {
  readonly name: string;
  readonly train: ImageDataset;
}

let cached: Promise<DigitSource> | null = null;

/** The bundled digits' training split (`loadMnist().train`, 8,000 digits). */
async function loadDigits(): Promise<DigitSource> {
  const { train } = await loadMnist();
  return { name: `bundled MNIST digits (loadMnist().train, ${train.length.toLocaleString('en-US')} images)`, train };
}

/** A seeded permutation of 0 … n−1 (Fisher–Yates on mulberry32). */
function permutation(n: number, next: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/**
 * `count` batches of `size` training digits: the training split shuffled with `seed` (reshuffled
 * when a pass runs out, as a new epoch would be), cut into consecutive batches, each made by
 * `ImageDataset.getBatch` (images [B, 1, 28, 28] float32 in [0, 1], labels [B] int32).
 */
export async function loadBatches(size: number, count: number, seed = 1): Promise<BatchSet> {
  cached ??= loadDigits();
  const digits = await cached;
  const next = mulberry32(seed);
  let order: number[] = [];
  let at = 0;
  const batches: HostBatch[] = [];
  for (let b = 0; b < count; b++) {
    const indices: number[] = [];
    while (indices.length < size) {
      if (at === order.length) [order, at] = [permutation(digits.train.length, next), 0];
      indices.push(order[at++]!);
    }
    const [x, y] = digits.train.getBatch(indices) as [Tensor, Tensor];
    const images = Float32Array.from(x.dataSync() as Float32Array);
    const labels = Int32Array.from(y.dataSync() as Int32Array);
    x.dispose();
    y.dispose();
    const oneHot = new Float32Array(size * 10);
    labels.forEach((l, i) => (oneHot[i * 10 + l] = 1));
    batches.push({ size, images, labels, oneHot });
  }
  return { source: digits.name, batches };
}
