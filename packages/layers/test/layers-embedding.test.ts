// Embedding: lookup of any index shape, N(0, 1) init with a zeroed padding row, no gradient to the padding row,
// fromPretrained (freeze), IndexError / DTypeError naming the layer, the functional form, no leaks.
import { backward } from '@nn/autograd';
import { ArgumentError, DTypeError, Generator, getBackend, IndexError, ShapeError, sum, tensor, tidy, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { embedding } from '../src/functional/index.js';
import { Embedding } from '../src/index.js';
import { expectError } from './support/errors.js';
import { withGrad } from './support/grad.js';

const ids = (data: number[] | number[][] | number) => tensor(data, { dtype: 'int32' });

describe('Embedding', () => {
  it('maps int32 indices of any shape [*] to [*, D]', () => {
    tidy(() => {
      const emb = Embedding.fromPretrained(tensor([[0, 0], [1, 2], [3, 4]]), { freeze: false });
      expect(emb.call(ids([[2, 1], [0, 2]])).toArray()).toEqual([[[3, 4], [1, 2]], [[0, 0], [3, 4]]]);
      expect(emb.call(ids(1)).toArray()).toEqual([1, 2]);
      expect(emb.call(ids([])).shape).toEqual([0, 2]);
      emb.dispose();
    });
  });

  it('initialises from N(0, 1) with the padding row zeroed (+0), seeded', () => {
    const emb = new Embedding(200, 50, { paddingIdx: -1, generator: new Generator(4) });
    expect(emb.paddingIdx).toBe(199);
    const rows = emb.weight.value.toArray() as number[][];
    expect(rows[199]!.every((v) => Object.is(v, 0))).toBe(true);
    const flat = rows.slice(0, 199).flat();
    const mean = flat.reduce((a, b) => a + b, 0) / flat.length;
    const variance = flat.reduce((a, b) => a + (b - mean) ** 2, 0) / flat.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const again = new Embedding(200, 50, { paddingIdx: -1, generator: new Generator(4) });
    expect(Array.from(again.weight.value.dataSync())).toEqual(Array.from(emb.weight.value.dataSync()));
    expect(Object.entries(emb.stateDict()).map(([k, v]) => [k, v.shape])).toEqual([['weight', [200, 50]]]);
    emb.dispose();
    again.dispose();
  });

  it('gives the padding row no gradient and accumulates repeated indices', () => {
    tidy(() => {
      const emb = new Embedding(4, 2, { paddingIdx: 0 });
      withGrad(() => backward(sum(emb.call(ids([[0, 1, 1], [3, 0, 1]])))));
      expect(emb.weight.grad!.toArray()).toEqual([[0, 0], [3, 3], [0, 0], [1, 1]]);
      emb.dispose();
    });
  });

  it('fromPretrained copies the table, freezes it by default and keeps the padding row as given', () => {
    tidy(() => {
      const table = tensor([[1, 2], [3, 4]], { dtype: 'float64' });
      const emb = Embedding.fromPretrained(table, { paddingIdx: 0 });
      expect(emb.weight.trainable).toBe(false);
      expect(emb.weight.dtype).toBe('float64');
      expect(emb.weight.value).not.toBe(table);
      expect(emb.call(ids([0])).toArray()).toEqual([[1, 2]]);
      expect(Embedding.fromPretrained(table, { freeze: false }).weight.trainable).toBe(true);
      expectError(() => Embedding.fromPretrained(tensor([1, 2])), ShapeError, 'Embedding.fromPretrained');
      expectError(() => Embedding.fromPretrained(tensor([[1]], { dtype: 'int32' })), DTypeError, 'Embedding.fromPretrained');
      emb.dispose();
    });
  });

  it('rejects out-of-range and non-int32 indices, and bad arguments', () => {
    const emb = new Embedding(5, 2);
    tidy(() => {
      expectError(() => emb.call(ids([0, 5])), IndexError, 'Embedding.forward');
      expectError(() => emb.call(ids([-1])), IndexError, 'Embedding.forward');
      expectError(() => emb.call(tensor([1, 2])), DTypeError, 'Embedding.forward');
      expectError(() => embedding(ids([7]), zeros([5, 2])), IndexError, 'embedding');
      expectError(() => embedding(ids([1]), zeros([5])), ShapeError, 'embedding');
      expectError(() => embedding(ids([1]), zeros([5, 2]), { paddingIdx: 5 }), IndexError, 'embedding');
    });
    expectError(() => new Embedding(5, 2, { paddingIdx: 5 }), IndexError, 'new Embedding');
    expectError(() => new Embedding(5, 2, { paddingIdx: -6 }), IndexError, 'new Embedding');
    expectError(() => new Embedding(5, 2, { paddingIdx: 1.5 }), ArgumentError, 'new Embedding');
    expectError(() => new Embedding(-5, 2), ArgumentError, 'new Embedding');
    expectError(() => new Embedding(5, 2, { maxNorm: 1 } as never), ArgumentError, 'new Embedding');
    emb.dispose();
  });

  it('leaks nothing through forward and backward', () => {
    const emb = new Embedding(6, 3, { paddingIdx: 2 });
    const base = getBackend().numDataIds();
    tidy(() => {
      withGrad(() => backward(sum(emb.call(ids([[1, 2], [2, 5]])))));
    });
    emb.zeroGrad();
    expect(getBackend().numDataIds()).toBe(base);
    emb.dispose();
  });
});
