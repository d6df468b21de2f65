// Files written from PyTorch (scripts/gen-fixtures/gen_safetensors_fixture.py) load with @nn: a CNN's
// state dict gives PyTorch's eval output, and every dtype converts as torch's own casts do.
import { getBackend, tensor, tidy, type Tensor } from '@nn/tensor';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareOutput } from '../../../scripts/oracle/compare.js';
import { decodeValues, readFixtureJson, type FixtureTensor } from '../../../scripts/oracle/fixtures.js';
import { BatchNorm2d, Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential } from '../src/index.js';
import { loadSafetensors, readSafetensorsHeader, saveSafetensors } from '../src/serialize/index.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const readBytes = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(name, FIXTURES))));

interface CnnFixture {
  keys: string[];
  input: FixtureTensor;
  expected: FixtureTensor;
  tol: { k: number; scale: number };
  runningMean: FixtureTensor;
  numBatchesTracked: number;
}

const cnn = readFixtureJson<CnnFixture>(FIXTURES, 'torch-cnn.json');
const toTensor = (t: FixtureTensor): Tensor => tensor(decodeValues(t), { shape: t.shape, dtype: t.dtype });

function buildCnn() {
  return new Sequential(
    new Conv2d(1, 4, 3, { padding: 1 }),
    new BatchNorm2d(4),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(4 * 4 * 4, 3),
  );
}

describe('a PyTorch CNN state dict (torch-cnn.safetensors)', () => {
  it('has the reference layout: I64 num_batches_tracked first, metadata format pt', () => {
    const header = readSafetensorsHeader(readBytes('torch-cnn.safetensors'));
    expect(header.metadata).toEqual({ format: 'pt' });
    expect(header.entries[0]).toMatchObject({
      name: '1.num_batches_tracked',
      dtype: 'I64',
      loadsAs: 'int32',
      shape: [],
    });
    expect(header.entries.map((e) => e.name).sort()).toEqual([...cnn.keys].sort());
  });

  it('loads every tensor, num_batches_tracked (I64) as int32', () => {
    const { tensors } = loadSafetensors(readBytes('torch-cnn.safetensors'));
    expect(tensors['1.num_batches_tracked']!.dtype).toBe('int32');
    expect(tensors['1.num_batches_tracked']!.item()).toBe(cnn.numBatchesTracked);
    expect(tensors['1.running_mean']!.dataSync()).toEqual(decodeValues(cnn.runningMean));
    expect(tensors['0.weight']!.shape).toEqual([4, 1, 3, 3]);
  });

  it('gives PyTorch eval output after a strict loadStateDict', () => {
    const model = buildCnn();
    expect(Object.keys(model.stateDict())).toEqual(cnn.keys); // PyTorch's keys, in PyTorch's order
    const { tensors } = loadSafetensors(readBytes('torch-cnn.safetensors'));
    expect(model.loadStateDict(tensors)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    for (const t of Object.values(tensors)) t.dispose();
    model.eval();
    const x = toTensor(cnn.input);
    const before = getBackend().numDataIds();
    const y = tidy(() => model.call(x));
    expect(getBackend().numDataIds()).toBe(before + 1);
    expect(compareOutput('output', y, cnn.expected, cnn.tol.k, cnn.tol.scale, 'float32')).toBeNull();

    // Saved by @nn and loaded into a fresh model: the same output, bit for bit.
    const copy = buildCnn();
    copy.loadStateDict(loadSafetensors(saveSafetensors(model.stateDict())).tensors);
    copy.eval();
    expect(copy.call(x).dataSync()).toEqual(y.dataSync());
    expect(copy.stateDict()['1.num_batches_tracked']!.item()).toBe(cnn.numBatchesTracked);
  });
});

describe('every dtype written by PyTorch (torch-dtypes.safetensors)', () => {
  const fixture = readFixtureJson<{ tensors: Record<string, FixtureTensor> }>(FIXTURES, 'torch-dtypes.json');
  const bytes = readBytes('torch-dtypes.safetensors');

  it('reads the header: dtypes and metadata', () => {
    const header = readSafetensorsHeader(bytes);
    expect(header.metadata).toEqual({ format: 'pt', note: 'one tensor per dtype' });
    expect(Object.fromEntries(header.entries.map((e) => [e.name, e.dtype]))).toEqual({
      f64: 'F64',
      i64: 'I64',
      empty_i64: 'I64',
      f32_scalar: 'F32',
      bf16: 'BF16',
      f16: 'F16',
      f16_random: 'F16',
      i16: 'I16',
      bool: 'BOOL',
      i8: 'I8',
      u8: 'U8',
    });
  });

  const { tensors } = loadSafetensors(bytes);
  for (const [name, want] of Object.entries(fixture.tensors)) {
    it(`${name} equals torch's cast to ${want.dtype}`, () => {
      const got = tensors[name]!;
      expect([got.dtype, got.shape]).toEqual([want.dtype, want.shape]);
      const expected = decodeValues(want);
      const actual = got.dataSync();
      for (let i = 0; i < expected.length; i++) {
        const same = Object.is(actual[i], expected[i]) || (Number.isNaN(actual[i]) && Number.isNaN(expected[i]));
        if (!same) expect([i, actual[i]]).toEqual([i, expected[i]]);
      }
      expect(actual.length).toBe(expected.length);
    });
  }
});
