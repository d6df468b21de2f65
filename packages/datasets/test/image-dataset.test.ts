// ImageDataset: byte → float conversion, get / getBatch agreement, transforms, views, validation, memory.
import { ArgumentError, Generator, IndexError, mul, ShapeError, stack } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { compose, ImageDataset, normalize, randomAffine, randomCrop } from '../src/index.js';
import { expectError } from './support/errors.js';
import { liveTensors } from './support/leaks.js';

/** n random images of h × w bytes (c channels) with labels in [0, classes). */
function randomImages(n: number, h: number, w: number, classes: number, c = 1): ImageDataset {
  const g = new Generator(123);
  const images = Uint8Array.from({ length: n * c * h * w }, () => g.integer(0, 256));
  const labels = Uint8Array.from({ length: n }, () => g.integer(0, classes));
  return new ImageDataset({
    images,
    labels,
    height: h,
    width: w,
    channels: c,
    classNames: Array.from({ length: classes }, (_, i) => String(i)),
  });
}

describe('ImageDataset', () => {
  const ds = randomImages(12, 5, 4, 10);

  it('get returns float32 [1, H, W] = byte / 255 (as float32) and the label', () => {
    const [image, label] = ds.get(7);
    expect(image.shape).toEqual([1, 5, 4]);
    expect(image.dtype).toBe('float32');
    const want = Array.from(ds.images.subarray(7 * 20, 8 * 20), (v) => Math.fround(v / 255));
    expect(Array.from(image.dataSync())).toEqual(want);
    expect(label).toBe(ds.labels[7]);
    expect(ds.length).toBe(12);
    expect(ds.channels).toBe(1);
  });

  it('getBatch equals stacking get(), labels int32', () => {
    const indices = [11, 0, 5, 5, 3];
    const [x, y] = ds.getBatch(indices);
    expect(x.shape).toEqual([5, 1, 5, 4]);
    expect(y.dtype).toBe('int32');
    expect(x.toArray()).toEqual(stack(indices.map((i) => ds.get(i)[0])).toArray());
    expect(y.toArray()).toEqual(indices.map((i) => ds.labels[i]));
  });

  it('stores several channels planar, [N, C, H, W]', () => {
    const rgb = new ImageDataset({
      images: Uint8Array.from({ length: 2 * 3 * 2 }, (_, i) => i),
      labels: new Uint8Array([0, 0]),
      height: 1,
      width: 2,
      channels: 3,
      classNames: ['x'],
    });
    expect(rgb.get(1)[0].shape).toEqual([3, 1, 2]);
    expect(rgb.get(1)[0].toArray()).toEqual(
      [[[6 / 255, 7 / 255]], [[8 / 255, 9 / 255]], [[10 / 255, 11 / 255]]].map((c) => c.map((r) => r.map(Math.fround))),
    );
    expect(rgb.getBatch([1, 0])[0].shape).toEqual([2, 3, 1, 2]);
  });

  it('applies the transform to get ([C, H, W]) and once to getBatch ([B, C, H, W])', () => {
    const seen: number[][] = [];
    const t = ds.withTransform((x) => (seen.push([...x.shape]), mul(x, 2)));
    expect(t.get(0)[0].toArray()).toEqual(mul(ds.get(0)[0], 2).toArray());
    t.getBatch([0, 1, 2]);
    expect(seen).toEqual([
      [1, 5, 4],
      [3, 1, 5, 4],
    ]);
  });

  it('with a seeded random transform, getBatch equals stacking get() (same draws per image)', () => {
    const augment = (seed: number) =>
      compose([
        randomAffine({ degrees: 20, translate: [0.2, 0.2], scale: [0.8, 1.2], generator: new Generator(seed) }),
        normalize({ mean: 0.5, std: 0.25 }),
      ]);
    const batch = ds.withTransform(augment(4)).getBatch([2, 9, 4])[0];
    const one = ds.withTransform(augment(4));
    const stacked = stack([2, 9, 4].map((i) => one.get(i)[0]));
    expect(batch.toArray()).toEqual(stacked.toArray());
    expect(batch.toArray()).not.toEqual(
      ds
        .withTransform(normalize({ mean: 0.5, std: 0.25 }))
        .getBatch([2, 9, 4])[0]
        .toArray(),
    );
  });

  it('a transform may change the image size', () => {
    const cropped = ds.withTransform(randomCrop([3, 3], { generator: new Generator(0) }));
    expect(cropped.get(0)[0].shape).toEqual([1, 3, 3]);
    expect(cropped.getBatch([0, 1])[0].shape).toEqual([2, 1, 3, 3]);
  });

  it('withTransform shares the arrays; undefined removes the transform', () => {
    const t = ds.withTransform((x) => mul(x, 0));
    expect(t.images).toBe(ds.images);
    expect(t.labels).toBe(ds.labels);
    expect(t.classNames).toEqual(ds.classNames);
    const back = t.withTransform(undefined);
    expect(back.transform).toBeUndefined();
    expect(back.get(3)[0].toArray()).toEqual(ds.get(3)[0].toArray());
  });

  it('subset copies the selected images and labels, in order, and keeps the transform', () => {
    const t = ds.withTransform((x) => mul(x, 2));
    const sub = t.subset([4, 1, 4]);
    expect(sub.length).toBe(3);
    expect(sub.images.buffer).not.toBe(ds.images.buffer);
    expect(Array.from(sub.labels)).toEqual([ds.labels[4], ds.labels[1], ds.labels[4]]);
    expect(sub.get(1)[0].toArray()).toEqual(t.get(1)[0].toArray());
    expect(sub.getBatch([0, 2])[0].toArray()).toEqual(t.getBatch([4, 4])[0].toArray());
    expect(ds.subset([]).length).toBe(0);
  });

  it('validates its construction', () => {
    const op = 'new ImageDataset';
    const ok = {
      images: new Uint8Array(8),
      labels: new Uint8Array([0, 1]),
      height: 2,
      width: 2,
      classNames: ['a', 'b'],
    };
    expect(new ImageDataset(ok).length).toBe(2);
    expectError(() => new ImageDataset({ ...ok, images: new Uint8Array(7) }), ShapeError, op, 'images');
    expectError(() => new ImageDataset({ ...ok, channels: 2 }), ShapeError, op, 'images');
    expectError(() => new ImageDataset({ ...ok, labels: new Uint8Array([0, 2]) }), IndexError, op, 'labels[1]');
    expectError(
      () => new ImageDataset({ ...ok, images: [0, 0, 0, 0, 0, 0, 0, 0] as never }),
      ArgumentError,
      op,
      'images',
    );
    expectError(
      () => new ImageDataset({ ...ok, labels: new Int32Array([0, 1]) as never }),
      ArgumentError,
      op,
      'labels',
    );
    expectError(() => new ImageDataset({ ...ok, height: 0 }), ArgumentError, op, 'height');
    expectError(() => new ImageDataset({ ...ok, width: 2.5 }), ArgumentError, op, 'width');
    expectError(() => new ImageDataset({ ...ok, channels: 0 }), ArgumentError, op, 'channels');
    expectError(() => new ImageDataset({ ...ok, classNames: [] }), ArgumentError, op, 'classNames');
    expectError(() => new ImageDataset({ ...ok, classNames: ['a', 2] as never }), ArgumentError, op, 'classNames');
    expectError(() => new ImageDataset({ ...ok, transform: 'flip' as never }), ArgumentError, op, 'transform');
    expectError(() => new ImageDataset({ ...ok, label: 1 } as never), ArgumentError, op, 'options.label');
  });

  it('validates indices', () => {
    expectError(() => ds.get(12), IndexError, 'ImageDataset.get', 'index');
    expectError(() => ds.get(0.5), ArgumentError, 'ImageDataset.get', 'index');
    expectError(() => ds.getBatch([0, 12]), IndexError, 'ImageDataset.getBatch', 'indices[1]');
    expectError(() => ds.getBatch([]), ArgumentError, 'ImageDataset.getBatch', 'indices');
    expectError(() => ds.subset([-1]), IndexError, 'ImageDataset.subset', 'indices[0]');
  });

  it('leaves only the returned tensors, with or without a transform', () => {
    const t = ds.withTransform(
      compose([randomAffine({ degrees: 10, generator: new Generator(0) }), normalize({ mean: 0.1, std: 0.3 })]),
    );
    for (const d of [ds, t]) {
      const before = liveTensors();
      const [image] = d.get(1);
      const [x, y] = d.getBatch([1, 2, 3]);
      expect(liveTensors()).toBe(before + 3);
      for (const tensor of [image, x, y]) tensor.dispose();
      expect(liveTensors()).toBe(before);
    }
  });
});
