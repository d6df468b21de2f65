// DataLoader: batch counts, order, seeded shuffles, collate paths, async iteration, validation, memory.
import { ArgumentError, Generator, manualSeed, type Tensor, tensor, tidy } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { DataLoader, type Dataset, ImageDataset, TensorDataset } from '../src/index.js';
import { range } from './support/datasets.js';
import { expectError } from './support/errors.js';
import { liveTensors } from './support/leaks.js';

/** The index batches of one epoch, as plain arrays. */
function epoch(loader: Iterable<Tensor>): number[][] {
  return [...loader].map((b) => b.toArray() as number[]);
}

describe('DataLoader: batches', () => {
  it('length is ceil(N / B), or floor(N / B) with dropLast, and iteration yields that many', () => {
    for (const [n, b] of [
      [10, 3],
      [9, 3],
      [1, 1],
      [7, 10],
      [12, 5],
    ] as const) {
      for (const dropLast of [false, true]) {
        if (dropLast && b > n) continue;
        const loader = new DataLoader(range(n), { batchSize: b, dropLast });
        const want = dropLast ? Math.floor(n / b) : Math.ceil(n / b);
        expect(loader.length).toBe(want);
        const batches = epoch(loader);
        expect(batches.length).toBe(want);
        expect(batches.map((x) => x.length)).toEqual(
          Array.from({ length: want }, (_, i) => (dropLast || i < want - 1 ? b : n - b * (want - 1))),
        );
      }
    }
  });

  it('without shuffle, visits samples in index order; batchSize defaults to 1', () => {
    expect(epoch(new DataLoader(range(5), { batchSize: 2 }))).toEqual([[0, 1], [2, 3], [4]]);
    expect(epoch(new DataLoader(range(3)))).toEqual([[0], [1], [2]]);
    expect(epoch(new DataLoader(range(5), { batchSize: 2, dropLast: true }))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('integer samples collate to int32, others to float32', () => {
    const [batch] = new DataLoader(range(4), { batchSize: 4 });
    expect(batch!.dtype).toBe('int32');
    const floats: Dataset<number> = { length: 2, get: (i) => i + 0.5 };
    expect([...new DataLoader(floats, { batchSize: 2 })][0]!.dtype).toBe('float32');
  });
});

describe('DataLoader: shuffle', () => {
  const loader = (seed: number, dropLast = false): DataLoader<number> =>
    new DataLoader(range(50), { batchSize: 8, shuffle: true, dropLast, generator: new Generator(seed) });

  it('each epoch is a permutation of the dataset', () => {
    const l = loader(0);
    for (let e = 0; e < 3; e++) {
      const seen = epoch(l).flat();
      expect(seen.length).toBe(50);
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(seen).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
  });

  it('the same seed gives the same batches, epoch after epoch; epochs differ; seeds differ', () => {
    const a = loader(42);
    const b = loader(42);
    const epochsA = [epoch(a), epoch(a), epoch(a)];
    const epochsB = [epoch(b), epoch(b), epoch(b)];
    expect(epochsA).toEqual(epochsB);
    expect(epochsA[0]).not.toEqual(epochsA[1]);
    expect(epochsA[1]).not.toEqual(epochsA[2]);
    expect(epoch(loader(43))).not.toEqual(epochsA[0]);
  });

  it('without a generator, manualSeed makes the shuffle reproducible', () => {
    const l = new DataLoader(range(20), { batchSize: 5, shuffle: true });
    manualSeed(11);
    const first = epoch(l);
    manualSeed(11);
    expect(epoch(l)).toEqual(first);
  });

  it('draws the permutation when the iterator is created, so interleaved epochs are independent', () => {
    const l = loader(5);
    const it1 = l[Symbol.iterator]();
    const it2 = l[Symbol.iterator]();
    const ref = loader(5);
    const e1 = epoch(ref);
    const e2 = epoch(ref);
    expect((it2.next().value as Tensor).toArray()).toEqual(e2[0]);
    expect((it1.next().value as Tensor).toArray()).toEqual(e1[0]);
  });

  it('with dropLast every batch is full and the dropped samples change between epochs', () => {
    const l = loader(3, true);
    const dropped = [0, 1, 2].map(() => {
      const seen = new Set(epoch(l).flat());
      expect(seen.size).toBe(48);
      return Array.from({ length: 50 }, (_, i) => i).filter((i) => !seen.has(i));
    });
    expect(dropped.every((d) => d.length === 2)).toBe(true);
    expect(new Set(dropped.map((d) => d.join())).size).toBeGreaterThan(1);
  });
});

describe('DataLoader: collate paths', () => {
  it('uses getBatch when the dataset has one, with the batch indices', () => {
    const calls: number[][] = [];
    const ds = {
      length: 5,
      get: (i: number) => i,
      getBatch: (idx: readonly number[]) => (calls.push([...idx]), tensor(idx.map((i) => i * 10))),
    };
    const batches = epoch(new DataLoader(ds, { batchSize: 2 }) as unknown as Iterable<Tensor>);
    expect(calls).toEqual([[0, 1], [2, 3], [4]]);
    expect(batches).toEqual([[0, 10], [20, 30], [40]]);
  });

  it('getBatch of TensorDataset equals collating its samples one by one', () => {
    const x = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    const y = tensor(new Int32Array([0, 1, 0, 1, 1]));
    const fast = new DataLoader(new TensorDataset(x, y), { batchSize: 2, shuffle: true, generator: new Generator(9) });
    const slowDs: Dataset<Tensor[]> = { length: 5, get: (i) => new TensorDataset(x, y).get(i) };
    const slow = new DataLoader(slowDs, { batchSize: 2, shuffle: true, generator: new Generator(9) });
    const plain = (l: Iterable<Tensor[]>): unknown => [...l].map((b) => b.map((t) => [t.dtype, t.toArray()]));
    expect(plain(fast)).toEqual(plain(slow));
  });

  it('a custom collate receives the samples (getBatch is not used) and sets the batch type', () => {
    const ds = { length: 4, get: (i: number) => ({ id: `s${i}`, v: i }), getBatch: () => 'unused' };
    const loader = new DataLoader(ds, { batchSize: 3, collate: (items) => items.map((s) => s.id).join('+') });
    const batches: string[] = [...loader];
    expect(batches).toEqual(['s0+s1+s2', 's3']);
  });

  it('collates tuples field by field (ImageDataset-like samples through get only)', () => {
    const ds: Dataset<[Tensor, number]> = { length: 3, get: (i) => [tensor([[i, i]]), i % 2] };
    const [x, y] = [...new DataLoader(ds, { batchSize: 3 })][0]!;
    expect(x!.shape).toEqual([3, 1, 2]);
    expect(y!.toArray()).toEqual([0, 1, 0]);
    expect(y!.dtype).toBe('int32');
  });

  it('over an ImageDataset yields [images [B, 1, H, W] float32, labels [B] int32]', () => {
    const images = new Uint8Array(5 * 4).map((_, i) => i * 10);
    const ds = new ImageDataset({
      images,
      labels: new Uint8Array([0, 1, 2, 1, 0]),
      height: 2,
      width: 2,
      classNames: ['a', 'b', 'c'],
    });
    const batches = [...new DataLoader(ds, { batchSize: 2 })];
    expect(batches.map(([x]) => x.shape)).toEqual([
      [2, 1, 2, 2],
      [2, 1, 2, 2],
      [1, 1, 2, 2],
    ]);
    expect(batches.map(([, y]) => y.dtype)).toEqual(['int32', 'int32', 'int32']);
    expect(batches[2]![1].toArray()).toEqual([0]);
  });
});

describe('DataLoader: async iteration', () => {
  it('for await yields the same batches as the sync iterator', async () => {
    const sync = epoch(new DataLoader(range(23), { batchSize: 4, shuffle: true, generator: new Generator(2) }));
    const batches: number[][] = [];
    for await (const b of new DataLoader(range(23), { batchSize: 4, shuffle: true, generator: new Generator(2) })) {
      batches.push(b.toArray() as number[]);
    }
    expect(batches).toEqual(sync);
  });

  it('gives the event loop a turn during a slow epoch', async () => {
    const busy = (ms: number): void => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        /* a slow sample */
      }
    };
    const slow: Dataset<number> = { length: 4, get: (i) => (busy(12), i) };
    let fired = false;
    setTimeout(() => (fired = true), 0);
    let batches = 0;
    for await (const b of new DataLoader(slow)) {
      b.dispose();
      batches++;
    }
    expect(batches).toBe(4);
    expect(fired).toBe(true);
  });
});

describe('DataLoader: validation', () => {
  it('names the option at fault', () => {
    const op = 'new DataLoader';
    expectError(() => new DataLoader(range(5), { batchSize: 0 }), ArgumentError, op, 'options.batchSize');
    expectError(() => new DataLoader(range(5), { batchSize: 1.5 }), ArgumentError, op, 'options.batchSize');
    expectError(() => new DataLoader(range(5), { batchSize: '2' as never }), ArgumentError, op, 'options.batchSize');
    expectError(() => new DataLoader(range(5), { shuffle: 1 as never }), ArgumentError, op, 'options.shuffle');
    expectError(() => new DataLoader(range(5), { dropLast: 'yes' as never }), ArgumentError, op, 'options.dropLast');
    expectError(() => new DataLoader(range(5), { collate: 3 as never }), ArgumentError, op, 'options.collate');
    expectError(() => new DataLoader(range(5), { generator: 3 as never }), ArgumentError, op, 'options.generator');
    const e = expectError(
      () => new DataLoader(range(5), { batch_size: 2 } as never),
      ArgumentError,
      op,
      'options.batch_size',
    );
    expect(e.message).toContain("'batchSize'");
    expectError(() => new DataLoader(range(0)), ArgumentError, op, 'dataset');
    expectError(() => new DataLoader({ length: 3 } as never), ArgumentError, op, 'dataset');
    expectError(() => new DataLoader({ length: -1, get: () => 0 }), ArgumentError, op, 'dataset.length');
    expectError(
      () => new DataLoader(range(5), { batchSize: 6, dropLast: true }),
      ArgumentError,
      op,
      'options.batchSize',
    );
  });

  it('checks the dataset again when an epoch starts', () => {
    const ds = { length: 3, get: (i: number) => i };
    const loader = new DataLoader(ds);
    ds.length = 0;
    expectError(() => [...loader], ArgumentError, 'DataLoader.iterator', 'dataset');
  });
});

describe('DataLoader: memory', () => {
  it('frees per-sample tensors; the batches are the caller’s', () => {
    const ds: Dataset<[Tensor, number]> = { length: 10, get: (i) => [tensor([i, i, i]), i] };
    const loader = new DataLoader(ds, { batchSize: 4, shuffle: true, generator: new Generator(0) });
    const before = liveTensors();
    const batches = [...loader];
    expect(liveTensors()).toBe(before + 2 * batches.length);
    for (const [x, y] of batches) {
      x.dispose();
      y.dispose();
    }
    expect(liveTensors()).toBe(before);
  });

  it('a training loop that wraps each step in tidy leaks nothing', () => {
    const ds = new TensorDataset(tensor([[1], [2], [3], [4], [5]]), tensor(new Int32Array([0, 1, 0, 1, 0])));
    const loader = new DataLoader(ds, { batchSize: 2, shuffle: true, generator: new Generator(1) });
    const before = liveTensors();
    for (let e = 0; e < 2; e++) {
      const it = loader[Symbol.iterator]();
      for (;;) {
        const done = tidy(() => {
          const next = it.next();
          if (next.done === true) return true;
          const [x] = next.value;
          expect(x!.shape[1]).toBe(1);
          return false;
        });
        if (done) break;
      }
    }
    expect(liveTensors()).toBe(before);
  });
});
