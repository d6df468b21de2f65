import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadMnist, type ImageDataset } from '@nn/datasets';
import { downloadMnist, loadFashionMnist, loadMnistDir, type DownloadProgress } from '@nn/datasets/node';
import { ArgumentError } from '@nn/tensor';
import type { DataSpec } from './args.js';
import { readUserFile, stripPrefix, UsageError } from './errors.js';
import { CLASSES, IMAGE_SIZE } from './models.js';

/** Where Debian's `dataset-fashion-mnist` package installs Fashion-MNIST (`--data fashion`). */
export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

/** A training and a test set of 28×28 gray images with 10 classes. */
export interface Splits {
  train: ImageDataset;
  test: ImageDataset;
}

/** The download cache (`downloadMnist` puts the files in its `mnist/`): `$XDG_CACHE_HOME/nn`, else `~/.cache/nn`. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  const base = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'nn');
}

/** A human description of a data source, e.g. `'bundled MNIST digits'`. */
export function describeData(spec: DataSpec): string {
  switch (spec.source) {
    case 'bundled':
      return 'the bundled MNIST digits';
    case 'fashion':
      return `Fashion-MNIST from ${spec.dir ?? FASHION_DIR}`;
    case 'dir':
      return `MNIST from ${spec.dir}`;
    case 'download':
      return 'the full MNIST (downloaded)';
  }
}

/** The same data source with any directory made absolute, as stored in a saved model. */
export function absoluteSpec(spec: DataSpec): DataSpec {
  if (spec.source === 'dir') return { source: 'dir', dir: resolve(spec.dir) };
  if (spec.source === 'fashion' && spec.dir !== undefined) return { source: 'fashion', dir: resolve(spec.dir) };
  return spec;
}

/** `n` indices spread evenly over `[0, length)` (all of them when `n ≥ length`), so a limited subset keeps every class. */
export function evenlySpaced(length: number, n: number): number[] {
  if (n >= length) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: n }, (_, i) => Math.floor((i * length) / n));
}

function checkShape(name: string, ds: ImageDataset): void {
  if (ds.height !== IMAGE_SIZE || ds.width !== IMAGE_SIZE || ds.channels !== 1 || ds.classNames.length !== CLASSES) {
    throw new UsageError(
      `the ${name} set has ${ds.channels}×${ds.height}×${ds.width} images and ${ds.classNames.length} classes; ` +
        `the models take 1×${IMAGE_SIZE}×${IMAGE_SIZE} images and ${CLASSES} classes`,
    );
  }
}

/** Loads a directory of IDX files; a missing file, directory or malformed content is the user's to fix (exit 2). */
async function fromDir(what: string, dir: string, read: () => Promise<Splits>): Promise<Splits> {
  try {
    return await readUserFile(what, dir, read);
  } catch (error) {
    if (error instanceof ArgumentError && error.arg === 'dir') throw new UsageError(`${what} ${dir}: ${stripPrefix(error.message)}`);
    throw error;
  }
}

/** Prints one line per file of a download: where it comes from, or that the cache had it. */
function downloadLogger(log: (line: string) => void): (p: DownloadProgress) => void {
  const seen = new Set<string>();
  return (p) => {
    const key = `${p.file} ${p.url ?? 'cache'}`;
    if (seen.has(key)) return;
    seen.add(key);
    log(p.cached ? `  ${p.file}: verified copy in the cache` : `  ${p.file} ← ${p.url}`);
  };
}

async function load(spec: DataSpec, log: (line: string) => void): Promise<Splits> {
  switch (spec.source) {
    case 'bundled':
      return loadMnist();
    case 'fashion': {
      const dir = spec.dir;
      return fromDir('Fashion-MNIST directory', dir ?? FASHION_DIR, () => loadFashionMnist(dir === undefined ? {} : { dir }));
    }
    case 'dir':
      return fromDir('MNIST directory', spec.dir, () => loadMnistDir(spec.dir, { kind: 'mnist' }));
    case 'download': {
      const cacheDir = spec.cacheDir ?? defaultCacheDir();
      log(`MNIST from the mirrors, cached in ${join(cacheDir, 'mnist')}:`);
      return downloadMnist({ cacheDir, kind: 'mnist', onProgress: downloadLogger(log) });
    }
  }
}

/**
 * Loads the training and test sets of `spec` (`--data`), checks they are 28×28 with 10 classes,
 * and keeps only `limit` evenly spaced images of each when `limit` is set.
 * @throws UsageError for a missing or malformed directory or file, or images of the wrong shape.
 */
export async function loadData(spec: DataSpec, options: { limit?: number | undefined; log?: (line: string) => void } = {}): Promise<Splits> {
  const splits = await load(spec, options.log ?? (() => undefined));
  checkShape('training', splits.train);
  checkShape('test', splits.test);
  const limit = options.limit;
  if (limit === undefined) return splits;
  return {
    train: splits.train.subset(evenlySpaced(splits.train.length, limit)),
    test: splits.test.subset(evenlySpaced(splits.test.length, limit)),
  };
}
