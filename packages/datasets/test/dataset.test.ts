// TensorDataset, Subset, randomSplit and defaultCollate: behaviour, validation and memory.
import { ArgumentError, Generator, IndexError, manualSeed, ShapeError, tensor, tidy, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { defaultCollate, ImageDataset, randomSplit, Subset, TensorDataset } from '../src/index.js';
import { range } from './support/datasets.js';
import { expectError } from './support/errors.js';
import { liveTensors } from './support/leaks.js';

describe('TensorDataset', () => {
  const x = tensor([
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
  ]);
  const y = tensor(new Int32Array([0, 1, 2, 3]));
  const ds = new TensorDataset(x, y);

  it('get returns the rows of every tensor; a 1-D tensor gives 0-d rows', () => {
    expect(ds.length).toBe(4);
    const [xi, yi] = ds.get(2);
    expect(xi!.shape).toEqual([2]);
    expect(xi!.toArray()).toEqual([5, 6]);
    expect(yi!.shape).toEqual([]);
    expect(yi!.dtype).toBe('int32');
    expect(yi!.item()).toBe(2);
  });

  it('getBatch equals stacking get() rows', () => {
    const indices = [3, 0, 3, 1];
    const [bx, by] = ds.getBatch(indices);
    const [sx, sy] = defaultCollate(indices.map((i) => ds.get(i)));
    expect(bx!.toArray()).toEqual(sx!.toArray());
    expect(by!.toArray()).toEqual(sy!.toArray());
    expect(by!.dtype).toBe('int32');
  });

  it('validates its tensors and indices', () => {
    expectError(() => new TensorDataset(), ArgumentError, 'new TensorDataset', 'tensors');
    expectError(() => new TensorDataset(x, zeros([3])), ShapeError, 'new TensorDataset', 'tensors[1]');
    expectError(() => new TensorDataset(tensor(1)), ShapeError, 'new TensorDataset', 'tensors[0]');
    expectError(() => new TensorDataset([1, 2] as never), ArgumentError, 'new TensorDataset', 'tensors[0]');
    expectError(() => ds.get(4), IndexError, 'TensorDataset.get', 'index');
    expectError(() => ds.get(-1), IndexError, 'TensorDataset.get', 'index');
    expectError(() => ds.get(1.5), ArgumentError, 'TensorDataset.get', 'index');
    expectError(() => ds.getBatch([0, 9]), IndexError, 'TensorDataset.getBatch', 'indices[1]');
    expectError(() => ds.getBatch([]), ArgumentError, 'TensorDataset.getBatch', 'indices');
  });

  it('leaves only the returned tensors behind', () => {
    const before = liveTensors();
    const rows = ds.get(1);
    const batch = ds.getBatch([0, 2]);
    expect(liveTensors()).toBe(before + 4);
    for (const t of [...rows, ...batch]) t.dispose();
    expect(liveTensors()).toBe(before);
  });
});

describe('Subset', () => {
  it('maps indices, keeps order and repeats', () => {
    const sub = new Subset(range(10), [9, 2, 2]);
    expect(sub.length).toBe(3);
    expect([0, 1, 2].map((i) => sub.get(i))).toEqual([9, 2, 2]);
    expect(sub.getBatch).toBeUndefined();
    expect(new Subset(sub, [1]).get(0)).toBe(2);
  });

  it('has a getBatch exactly when the dataset has one, mapping the indices', () => {
    const ds = new TensorDataset(tensor([10, 11, 12, 13]));
    const sub = new Subset(ds, [3, 1]);
    const [b] = sub.getBatch!([1, 0, 1]) as ReturnType<TensorDataset['getBatch']>;
    expect(b!.toArray()).toEqual([11, 13, 11]);
    expectError(() => sub.getBatch!([2]), IndexError, 'Subset.getBatch', 'indices[0]');
  });

  it('validates the dataset and indices', () => {
    expectError(() => new Subset(range(3), [3]), IndexError, 'new Subset', 'indices[0]');
    expectError(() => new Subset(range(3), [0.5]), ArgumentError, 'new Subset', 'indices[0]');
    expectError(() => new Subset(range(3), 'ab' as never), ArgumentError, 'new Subset', 'indices');
    expectError(() => new Subset({} as never, [0]), ArgumentError, 'new Subset', 'dataset');
    expectError(() => new Subset(range(3), [1]).get(1), IndexError, 'Subset.get', 'index');
  });
});

describe('randomSplit', () => {
  it('splits a permutation into pieces of the given counts', () => {
    const parts = randomSplit(range(10), [3, 7], { generator: new Generator(1) });
    expect(parts.map((p) => p.length)).toEqual([3, 7]);
    const all = parts.flatMap((p) => Array.from({ length: p.length }, (_, i) => p.get(i)));
    expect([...all].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('rounds fractions as PyTorch 1.13 (values checked there): floor, then the remainder round-robin from the first', () => {
    const sizes = (n: number, f: number[]): number[] => randomSplit(range(n), f).map((p) => p.length);
    expect(sizes(10, [0.75, 0.25])).toEqual([8, 2]); // floor → 7, 2; remainder 1 → first
    expect(sizes(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    expect(sizes(11, [0.3, 0.3, 0.4])).toEqual([4, 3, 4]); // floor → 3, 3, 4; remainder 1 → first
    expect(sizes(5, [0.5, 0.5, 0])).toEqual([3, 2, 0]);
    expect(sizes(3, [1])).toEqual([3]);
    expect(sizes(60_000, [50 / 60, 10 / 60])).toEqual([50_000, 10_000]);
  });

  it('is reproducible from the seed and differs between seeds', () => {
    const split = (seed: number): readonly number[] =>
      randomSplit(range(20), [0.5, 0.5], { generator: new Generator(seed) })[0]!.indices;
    expect(split(7)).toEqual(split(7));
    expect(split(7)).not.toEqual(split(8));
    manualSeed(3);
    const a = randomSplit(range(20), [10, 10])[0]!.indices;
    manualSeed(3);
    expect(randomSplit(range(20), [10, 10])[0]!.indices).toEqual(a);
  });

  it('keeps the fast path of the dataset', () => {
    const images = new ImageDataset({
      images: new Uint8Array([0, 51, 102]),
      labels: new Uint8Array([0, 1, 2]),
      height: 1,
      width: 1,
      classNames: ['a', 'b', 'c'],
    });
    const [train] = randomSplit(images, [2, 1], { generator: new Generator(0) });
    const [, labels] = train!.getBatch!([0, 1]) as [unknown, { toArray(): unknown }];
    expect(labels.toArray()).toEqual(train!.indices.map((i) => i));
  });

  it('validates lengths', () => {
    expectError(() => randomSplit(range(10), [3, 3]), ArgumentError, 'randomSplit', 'lengths');
    expectError(() => randomSplit(range(10), []), ArgumentError, 'randomSplit', 'lengths');
    expectError(() => randomSplit(range(10), [-1, 11]), ArgumentError, 'randomSplit', 'lengths');
    expectError(() => randomSplit(range(10), [2.5, 7.5]), ArgumentError, 'randomSplit', 'lengths[0]');
    expectError(() => randomSplit(range(10), [0.5, 0.4]), ArgumentError, 'randomSplit', 'lengths[0]');
    expectError(
      () => randomSplit(range(10), [5, 5], { seed: 1 } as never),
      ArgumentError,
      'randomSplit',
      'options.seed',
    );
    expectError(
      () => randomSplit(range(10), [5, 5], { generator: 1 } as never),
      ArgumentError,
      'randomSplit',
      'options.generator',
    );
    expectError(() => randomSplit(null as never, [1]), ArgumentError, 'randomSplit', 'dataset');
  });
});

describe('defaultCollate', () => {
  it('stacks tensors, turns integers into int32 and other numbers into float32', () => {
    const batch = defaultCollate([tensor([[1, 2]]), tensor([[3, 4]])]);
    expect(batch.shape).toEqual([2, 1, 2]);
    expect(defaultCollate([1, 2, -3]).dtype).toBe('int32');
    expect(defaultCollate([1, 2.5]).dtype).toBe('float32');
    expect(defaultCollate([1, 2 ** 31]).dtype).toBe('float32'); // beyond int32
    expect(defaultCollate([true, false]).toArray()).toEqual([true, false]);
  });

  it('keeps the structure of tuples, nested arrays and records', () => {
    const out = defaultCollate([
      { image: tensor([1]), meta: { id: 'a', size: [1, 2] } },
      { image: tensor([2]), meta: { id: 'b', size: [3, 4] } },
    ]);
    expect(out.image.toArray()).toEqual([[1], [2]]);
    expect(out.meta.id).toEqual(['a', 'b']);
    expect(out.meta.size.map((t) => t.toArray())).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('names the item at fault', () => {
    expectError(() => defaultCollate([]), ArgumentError, 'defaultCollate', 'items');
    expectError(() => defaultCollate([tensor([1]), tensor([1, 2])]), ShapeError, 'defaultCollate', 'items[1]');
    expectError(() => defaultCollate([[1, 2], [3]]), ShapeError, 'defaultCollate', 'items[1]');
    expectError(
      () =>
        defaultCollate([
          [1, 'a'],
          [2, 3],
        ] as never),
      ArgumentError,
      'defaultCollate',
      'items[1][1]',
    );
    expectError(() => defaultCollate([{ a: 1 }, { b: 1 }] as never), ArgumentError, 'defaultCollate', 'items[1]');
    expectError(() => defaultCollate([null, null]), ArgumentError, 'defaultCollate', 'items[0]');
    expectError(
      () => defaultCollate([{ v: new Date() }, { v: new Date() }]),
      ArgumentError,
      'defaultCollate',
      'items[0].v',
    );
  });

  it('creates only the batch tensors inside tidy', () => {
    const items = [tensor([1, 2]), tensor([3, 4])];
    const before = liveTensors();
    const batch = tidy(() => defaultCollate(items));
    expect(liveTensors()).toBe(before + 1);
    batch.dispose();
  });
});
