import { ArgumentError, FormatError } from '@nn/tensor';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageDataset } from '../dataset/index.js';
import type { Idx } from '../idx/types.js';
import { FASHION_MNIST_CLASSES, MNIST_CLASSES, type MnistSplits } from '../mnist/index.js';
import { readIdxFileAs } from './read-file.js';

/**
 * Which dataset a directory holds: the files are laid out alike, only the class names differ.
 * @category MNIST
 */
export type MnistKind = 'mnist' | 'fashion';

/** The four files of MNIST and Fashion-MNIST, by role, without the `.gz` suffix. */
export const MNIST_FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** A role: which of the four files. */
export type MnistRole = keyof typeof MNIST_FILE_NAMES;

/** The roles in file order. */
export const MNIST_ROLES = Object.keys(MNIST_FILE_NAMES) as MnistRole[];

/** The image side length every MNIST and Fashion-MNIST image has. */
const SIDE = 28;
const CLASSES = 10;

/** Checks `kind` ('mnist' | 'fashion'). */
export function checkKind(op: string, kind: unknown): MnistKind {
  if (kind !== 'mnist' && kind !== 'fashion') {
    throw new ArgumentError({ op, arg: 'kind', expected: "'mnist' or 'fashion'", got: String(kind) });
  }
  return kind;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT' || (error as { code?: unknown }).code === 'ENOTDIR')
      return false;
    throw error;
  }
}

/** The path of each of the four files in `dir`: the raw file if present, else the `.gz`. */
export async function findMnistFiles(op: string, dir: string, hint?: string): Promise<Record<MnistRole, string>> {
  const found = await Promise.all(
    MNIST_ROLES.map(async (role) => {
      const raw = join(dir, MNIST_FILE_NAMES[role]);
      if (await isFile(raw)) return raw;
      if (await isFile(`${raw}.gz`)) return `${raw}.gz`;
      throw new ArgumentError({
        op,
        arg: 'dir',
        expected: `a directory with ${MNIST_FILE_NAMES[role]} or ${MNIST_FILE_NAMES[role]}.gz`,
        got: `neither in ${dir}`,
        ...(hint === undefined ? {} : { hint }),
      });
    }),
  );
  return Object.fromEntries(MNIST_ROLES.map((role, i) => [role, found[i] as string])) as Record<MnistRole, string>;
}

function contentError(op: string, role: MnistRole, path: string, expected: string, got: string): FormatError {
  return new FormatError({ op, arg: role, expected, got, hint: `In file ${path}` });
}

function imagesOf(op: string, role: MnistRole, path: string, idx: Idx): Uint8Array {
  if (idx.dtype !== 'uint8') throw contentError(op, role, path, 'uint8 images (type code 0x08)', idx.dtype);
  const [, height, width] = idx.shape;
  if (idx.shape.length !== 3) {
    throw contentError(op, role, path, `images of shape [N, ${SIDE}, ${SIDE}]`, `shape [${idx.shape.join(', ')}]`);
  }
  if (height !== SIDE || width !== SIDE) {
    throw contentError(op, role, path, `${SIDE}×${SIDE} images`, `${String(height)}×${String(width)}`);
  }
  return idx.data;
}

function labelsOf(op: string, role: MnistRole, path: string, idx: Idx, count: number): Uint8Array {
  if (idx.dtype !== 'uint8') throw contentError(op, role, path, 'uint8 labels (type code 0x08)', idx.dtype);
  if (idx.shape.length !== 1) {
    throw contentError(op, role, path, 'labels of shape [N]', `shape [${idx.shape.join(', ')}]`);
  }
  if (idx.data.length !== count) {
    throw contentError(op, role, path, `${count} labels (one per image)`, `${idx.data.length}`);
  }
  const bad = idx.data.findIndex((label) => label >= CLASSES);
  if (bad >= 0) throw contentError(op, role, path, `labels 0 … ${CLASSES - 1}`, `${idx.data[bad]} at index ${bad}`);
  return idx.data;
}

/**
 * Reads the four files and checks them as MNIST: uint8 `[N, 28, 28]` images, uint8 `[N]` labels
 * in 0 … 9, as many labels as images in each split.
 */
export async function loadMnistFiles(
  op: string,
  paths: Record<MnistRole, string>,
  kind: MnistKind,
  maxBytes?: number,
): Promise<MnistSplits> {
  const options = maxBytes === undefined ? {} : { maxBytes };
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    MNIST_ROLES.map((role) => readIdxFileAs(op, paths[role], options)),
  );
  const classNames = kind === 'mnist' ? MNIST_CLASSES : FASHION_MNIST_CLASSES;
  const split = (imagesRole: MnistRole, images: Idx, labelsRole: MnistRole, labels: Idx): ImageDataset => {
    const pixels = imagesOf(op, imagesRole, paths[imagesRole], images);
    const count = images.shape[0] as number;
    return new ImageDataset({
      images: pixels,
      labels: labelsOf(op, labelsRole, paths[labelsRole], labels, count),
      height: SIDE,
      width: SIDE,
      classNames,
    });
  };
  return {
    train: split('trainImages', trainImages as Idx, 'trainLabels', trainLabels as Idx),
    test: split('testImages', testImages as Idx, 'testLabels', testLabels as Idx),
  };
}
