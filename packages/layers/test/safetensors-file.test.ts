// Node file I/O: saveSafetensorsFile writes atomically (temp file, fsync, rename) and leaves the old
// file intact and no temporary file behind on any failure.
import { DisposedTensorError, FormatError, tensor, zeros, type Tensor } from '@nn/tensor';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadSafetensorsFile,
  loadSafetensorsFileSync,
  saveSafetensorsFile,
  saveSafetensorsFileSync,
} from '../src/node.js';
import { loadSafetensors, saveSafetensors } from '../src/serialize/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nn-safetensors-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const OLD = Buffer.from('the old model: must survive a failed save');

function state(): Record<string, Tensor> {
  return {
    'fc.weight': tensor([
      [1, -0, NaN],
      [Infinity, -2, 3e-42],
    ]),
    'fc.bias': tensor([0.25, -0.5], { dtype: 'float64' }),
    'bn.num_batches_tracked': tensor(7, { dtype: 'int32' }),
    mask: tensor([true, false]),
    empty: zeros([0, 4]),
  };
}

describe('saveSafetensorsFile / loadSafetensorsFile', () => {
  it('writes exactly the bytes of saveSafetensors, and reads them back', async () => {
    const path = join(dir, 'model.safetensors');
    const s = state();
    await saveSafetensorsFile(path, s, { metadata: { format: 'pt' } });
    expect(readFileSync(path).equals(Buffer.from(saveSafetensors(s, { metadata: { format: 'pt' } })))).toBe(true);
    const loaded = await loadSafetensorsFile(path);
    expect(loaded.metadata).toEqual({ format: 'pt' });
    expect(Object.keys(loaded.tensors)).toEqual(Object.keys(s));
    expect(loaded.tensors['fc.weight']!.toArray()).toEqual(
      [
        [1, -0, NaN],
        [Infinity, -2, 3e-42],
      ].map((r) => r.map(Math.fround)),
    );
    expect(readdirSync(dir)).toEqual(['model.safetensors']);
  });

  it('sync forms write and read the same bytes', () => {
    const path = join(dir, 'sync.safetensors');
    saveSafetensorsFileSync(path, state());
    expect(readFileSync(path).equals(Buffer.from(saveSafetensors(state())))).toBe(true);
    expect(loadSafetensorsFileSync(path).tensors['bn.num_batches_tracked']!.item()).toBe(7);
    expect(readdirSync(dir)).toEqual(['sync.safetensors']);
  });

  it('replaces an existing file', async () => {
    const path = join(dir, 'model.safetensors');
    writeFileSync(path, OLD);
    await saveSafetensorsFile(path, { w: tensor([1, 2]) });
    expect((await loadSafetensorsFile(path)).tensors.w!.toArray()).toEqual([1, 2]);
    expect(readdirSync(dir)).toEqual(['model.safetensors']);
  });

  it('a failure while streaming the data (after the temp file exists) keeps the old file and removes the temp file', async () => {
    const path = join(dir, 'model.safetensors');
    writeFileSync(path, OLD);
    const s = state();
    // The second tensor in data order fails to read: the header and the first tensor were already written.
    const failing = s['fc.weight']!;
    const seen: string[] = [];
    vi.spyOn(failing, 'data').mockImplementation(() => {
      seen.push(...readdirSync(dir).filter((f) => f !== 'model.safetensors'));
      return Promise.reject(new Error('injected read failure'));
    });
    await expect(saveSafetensorsFile(path, s)).rejects.toThrow('injected read failure');
    expect(seen).toHaveLength(1); // the temp file existed, next to the target
    expect(seen[0]).toMatch(/^\.model\.safetensors\.[0-9a-f]{16}\.tmp$/);
    expect(readFileSync(path).equals(OLD)).toBe(true);
    expect(readdirSync(dir)).toEqual(['model.safetensors']);
  });

  it('the sync form also keeps the old file when a read fails mid-write', () => {
    const path = join(dir, 'model.safetensors');
    writeFileSync(path, OLD);
    const s = state();
    vi.spyOn(s.mask!, 'dataSync').mockImplementation(() => {
      throw new Error('injected sync failure');
    });
    expect(() => saveSafetensorsFileSync(path, s)).toThrow('injected sync failure');
    expect(readFileSync(path).equals(OLD)).toBe(true);
    expect(readdirSync(dir)).toEqual(['model.safetensors']);
  });

  it('a disposed tensor is rejected before any file is touched', async () => {
    const path = join(dir, 'model.safetensors');
    writeFileSync(path, OLD);
    const s = state();
    s['fc.bias']!.dispose();
    await expect(saveSafetensorsFile(path, s)).rejects.toThrow(DisposedTensorError);
    expect(() => saveSafetensorsFileSync(path, s)).toThrow(DisposedTensorError);
    expect(readFileSync(path).equals(OLD)).toBe(true);
    expect(readdirSync(dir)).toEqual(['model.safetensors']);
  });

  it('a failed rename (the target is a non-empty directory) removes the temp file', async () => {
    const path = join(dir, 'taken');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    await expect(saveSafetensorsFile(path, { w: tensor([1]) })).rejects.toThrow();
    expect(() => saveSafetensorsFileSync(path, { w: tensor([1]) })).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(statSync(path).isDirectory()).toBe(true);
    expect(readdirSync(path)).toEqual(['inside']);
  });

  it('a missing directory is the file system error, and creates nothing', async () => {
    const path = join(dir, 'missing', 'model.safetensors');
    await expect(saveSafetensorsFile(path, { w: tensor([1]) })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => saveSafetensorsFileSync(path, { w: tensor([1]) })).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('concurrent saves to one path leave exactly one complete file', async () => {
    const path = join(dir, 'race.safetensors');
    const states = Array.from({ length: 6 }, (_, i) => ({ w: zeros([64, 64]), id: tensor([i], { dtype: 'int32' }) }));
    await Promise.all(states.map((s) => saveSafetensorsFile(path, s)));
    const { tensors } = await loadSafetensorsFile(path);
    expect([0, 1, 2, 3, 4, 5]).toContain(tensors.id!.item());
    expect(readdirSync(dir)).toEqual(['race.safetensors']);
  });

  it('a malformed file is a FormatError naming the reader, the field and the path', async () => {
    const path = join(dir, 'bad.safetensors');
    const bytes = saveSafetensors({ w: tensor([1, 2]) });
    writeFileSync(path, bytes.subarray(0, bytes.length - 1));
    for (const read of [() => loadSafetensorsFileSync(path), () => loadSafetensorsFile(path)]) {
      let error: unknown;
      try {
        await read();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).arg).toBe('w.data_offsets');
      expect((error as FormatError).op).toMatch(/^loadSafetensorsFile(Sync)?$/);
      expect((error as FormatError).message).toContain(path);
    }
    await expect(loadSafetensorsFile(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('files load with loadSafetensors from their raw bytes too', async () => {
    const path = join(dir, 'm.safetensors');
    await saveSafetensorsFile(path, {
      a: tensor([
        [1, 2],
        [3, 4],
      ]),
    });
    expect(loadSafetensors(readFileSync(path)).tensors.a!.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
