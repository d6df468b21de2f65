// readIdxFile / writeIdxFile: raw and gzip files on disk, atomic writes, streamed strict reads.
import { ArgumentError, FormatError } from '@nn/tensor';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeIdx, readIdx, writeIdx } from '../src/index.js';
import { readIdxFile, writeIdxFile } from '../src/node.js';

const root = mkdtempSync(join(tmpdir(), 'nn-idx-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh empty directory under the test root. */
function freshDir(): string {
  const dir = join(root, `d${counter++}`);
  mkdirSync(dir);
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<FormatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormatError);
  return error as FormatError;
}

describe('writeIdxFile', () => {
  it('writes raw IDX, or gzip when asked or when the path ends in .gz', async () => {
    const dir = freshDir();
    const idx = { dtype: 'int16', shape: [2, 2], data: [1, -2, 300, -400] } as const;
    await writeIdxFile(join(dir, 'a-idx2-short'), idx);
    await writeIdxFile(join(dir, 'b-idx2-short.gz'), idx);
    await writeIdxFile(join(dir, 'c-idx2-short'), idx, { gzip: true });
    await writeIdxFile(join(dir, 'd-idx2-short.gz'), idx, { gzip: false });
    const expected = writeIdx(idx);
    expect(new Uint8Array(readFileSync(join(dir, 'a-idx2-short')))).toEqual(expected);
    expect(new Uint8Array(gunzipSync(readFileSync(join(dir, 'b-idx2-short.gz'))))).toEqual(expected);
    expect(new Uint8Array(gunzipSync(readFileSync(join(dir, 'c-idx2-short'))))).toEqual(expected);
    expect(new Uint8Array(readFileSync(join(dir, 'd-idx2-short.gz')))).toEqual(expected);
    expect(readdirSync(dir).sort()).toEqual(['a-idx2-short', 'b-idx2-short.gz', 'c-idx2-short', 'd-idx2-short.gz']);
  });

  it('creates missing directories and replaces an existing file', async () => {
    const path = join(freshDir(), 'deep', 'er', 'x.idx');
    await writeIdxFile(path, { dtype: 'uint8', shape: [1], data: [1] });
    await writeIdxFile(path, { dtype: 'uint8', shape: [2], data: [2, 3] });
    expect(Array.from((await readIdxFile(path)).data)).toEqual([2, 3]);
  });

  it('validates before touching the disk: a bad write leaves the old file and no temporary file', async () => {
    const dir = freshDir();
    const path = join(dir, 'keep.idx');
    await writeIdxFile(path, { dtype: 'uint8', shape: [1], data: [9] });
    await expect(writeIdxFile(path, { dtype: 'uint8', shape: [1], data: [999] })).rejects.toBeInstanceOf(ArgumentError);
    await expect(
      writeIdxFile(path, { dtype: 'uint8', shape: [1], data: [1] }, { gzip: 'yes' as never }),
    ).rejects.toMatchObject({
      constructor: ArgumentError,
      arg: 'gzip',
    });
    await expect(writeIdxFile('', { dtype: 'uint8', shape: [1], data: [1] })).rejects.toMatchObject({ arg: 'path' });
    expect(readdirSync(dir)).toEqual(['keep.idx']);
    expect(Array.from((await readIdxFile(path)).data)).toEqual([9]);
  });

  it('removes the temporary file when the rename fails', async () => {
    const dir = freshDir();
    const target = join(dir, 'occupied');
    await writeIdxFile(join(target, 'inner.idx'), { dtype: 'uint8', shape: [1], data: [1] }); // target is now a directory
    const error = await writeIdxFile(target, { dtype: 'uint8', shape: [1], data: [1] }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toMatch(/^E(ISDIR|NOTEMPTY|EXIST|PERM)$/);
    expect(readdirSync(dir)).toEqual(['occupied']);
  });
});

describe('readIdxFile', () => {
  it('reads raw and gzip files, detected by magic whatever the name', async () => {
    const dir = freshDir();
    const idx = { dtype: 'float64', shape: [3], data: [0.5, -1, 1e300] } as const;
    await writeIdxFile(join(dir, 'raw.gz'), idx, { gzip: false });
    await writeIdxFile(join(dir, 'packed.idx'), idx, { gzip: true });
    for (const name of ['raw.gz', 'packed.idx']) {
      const got = await readIdxFile(join(dir, name));
      expect(got.dtype).toBe('float64');
      expect(Array.from(got.data)).toEqual([0.5, -1, 1e300]);
    }
  });

  it('streams files of many chunks, raw and gzip, to the same result as readIdx', async () => {
    const dir = freshDir();
    const n = 300_001;
    const data = new Int32Array(n).map((_, i) => (i * 2654435761) | 0);
    await writeIdxFile(join(dir, 'big'), { dtype: 'int32', shape: [n], data });
    await writeIdxFile(join(dir, 'big.gz'), { dtype: 'int32', shape: [n], data });
    const fromRaw = await readIdxFile(join(dir, 'big'));
    const fromGz = await readIdxFile(join(dir, 'big.gz'));
    const reference = readIdx(new Uint8Array(readFileSync(join(dir, 'big'))));
    for (const got of [fromRaw, fromGz]) {
      expect(got.shape).toEqual([n]);
      expect(Buffer.compare(Buffer.from(got.data.buffer), Buffer.from(reference.data.buffer))).toBe(0);
    }
    expect(Buffer.compare(Buffer.from(fromRaw.data.buffer), Buffer.from(data.buffer))).toBe(0);
  });

  it('names the field and the path of a malformed file', async () => {
    const dir = freshDir();
    const valid = writeIdx({ dtype: 'uint8', shape: [4], data: [1, 2, 3, 4] });
    const gz = new Uint8Array(gzipSync(valid));
    const cases: [string, Uint8Array, string][] = [
      ['empty', new Uint8Array(0), 'header'],
      ['bad-magic', new Uint8Array([0, 1, 8, 1, 0, 0, 0, 1, 5]), 'magic'],
      ['bad-type', new Uint8Array([0, 0, 0x10, 1, 0, 0, 0, 1, 5]), 'type'],
      ['rank-0', new Uint8Array([0, 0, 8, 0]), 'rank'],
      ['short', valid.subarray(0, 10), 'data'],
      ['trailing', new Uint8Array([...valid, 0]), 'data'],
      ['huge-claim', new Uint8Array([0, 0, 0x0e, 2, 0, 0, 0x10, 0, 0, 0, 0x10, 0, 1, 2, 3]), 'data'],
      ['overflow', new Uint8Array([0, 0, 8, 2, 255, 255, 255, 255, 255, 255, 255, 255]), 'shape'],
      ['gz-truncated', gz.subarray(0, gz.length - 5), 'gzip'],
      ['gz-bad-crc', Uint8Array.from(gz, (b, i) => (i === gz.length - 7 ? b ^ 4 : b)), 'gzip'],
      ['gz-garbage', new Uint8Array([...gz, 7, 7]), 'gzip'],
      ['gz-short-data', new Uint8Array(gzipSync(valid.subarray(0, 11))), 'data'],
      ['gz-trailing-data', new Uint8Array(gzipSync(new Uint8Array([...valid, 1, 2]))), 'data'],
    ];
    for (const [name, bytes, arg] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const error = await failure(readIdxFile(path));
      expect([name, error.op, error.arg]).toEqual([name, 'readIdxFile', arg]);
      expect(error.message).toContain(path);
      // The same verdict as decodeIdx on the same bytes.
      expect((await failure(decodeIdx(bytes))).arg).toBe(arg);
    }
  });

  it('applies maxBytes to raw and inflated files', async () => {
    const dir = freshDir();
    const idx = { dtype: 'uint8', shape: [100], data: new Uint8Array(100) } as const;
    await writeIdxFile(join(dir, 'a'), idx);
    await writeIdxFile(join(dir, 'a.gz'), idx);
    for (const name of ['a', 'a.gz']) {
      expect((await failure(readIdxFile(join(dir, name), { maxBytes: 107 }))).arg).toBe('shape');
      expect((await readIdxFile(join(dir, name), { maxBytes: 108 })).shape).toEqual([100]);
    }
  });

  it('passes file-system errors through and validates its arguments', async () => {
    const missing = await readIdxFile(join(root, 'nope')).catch((e: unknown) => e);
    expect((missing as { code?: string }).code).toBe('ENOENT');
    await expect(readIdxFile(42 as never)).rejects.toMatchObject({ constructor: ArgumentError, arg: 'path' });
    await expect(readIdxFile(join(root, 'nope'), { maxBytes: -5 })).rejects.toMatchObject({ arg: 'maxBytes' });
  });
});
