// IDX read / decode / write: every type code, big-endian layout, gzip by magic, limits.
import { ArgumentError, FormatError, ShapeError } from '@nn/tensor';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeIdx, type Idx, type IdxDType, readIdx, writeIdx } from '../src/index.js';

function bytesOf(...parts: number[]): Uint8Array {
  return new Uint8Array(parts);
}

const gzip = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes));

const SAMPLES: Record<IdxDType, number[]> = {
  uint8: [0, 1, 127, 128, 255, 42],
  int8: [-128, -1, 0, 1, 127, 5],
  int16: [-32768, -1, 0, 1, 32767, 258],
  int32: [-2147483648, -1, 0, 1, 2147483647, 16909060],
  float32: [0, -0, 1.5, -2.25, Infinity, 3.4028234663852886e38],
  float64: [0, -0, Math.PI, -1e300, -Infinity, 5e-324],
};

describe('writeIdx / readIdx', () => {
  it('writes the LeCun layout: zero magic, type code, rank, big-endian dims', () => {
    const bytes = writeIdx({ dtype: 'uint8', shape: [2, 3], data: [1, 2, 3, 4, 5, 6] });
    expect(Array.from(bytes)).toEqual([0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
  });

  it('uses the type code of every dtype', () => {
    const codes: Record<IdxDType, number> = {
      uint8: 0x08,
      int8: 0x09,
      int16: 0x0b,
      int32: 0x0c,
      float32: 0x0d,
      float64: 0x0e,
    };
    for (const [dtype, code] of Object.entries(codes) as [IdxDType, number][]) {
      expect(writeIdx({ dtype, shape: [1], data: [1] })[2]).toBe(code);
    }
  });

  it('writes elements big-endian', () => {
    expect(Array.from(writeIdx({ dtype: 'int16', shape: [1], data: [0x0102] }).subarray(8))).toEqual([1, 2]);
    expect(Array.from(writeIdx({ dtype: 'int32', shape: [1], data: [-2] }).subarray(8))).toEqual([255, 255, 255, 254]);
    expect(Array.from(writeIdx({ dtype: 'float32', shape: [1], data: [1] }).subarray(8))).toEqual([0x3f, 0x80, 0, 0]);
    expect(Array.from(writeIdx({ dtype: 'float64', shape: [1], data: [-2] }).subarray(8))).toEqual([
      0xc0, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('reads big-endian elements of a hand-made file', () => {
    const idx = readIdx(bytesOf(0, 0, 0x0c, 1, 0, 0, 0, 2, 0x01, 0x02, 0x03, 0x04, 0xff, 0xff, 0xff, 0xfe));
    expect(idx.dtype).toBe('int32');
    expect(idx.shape).toEqual([2]);
    expect(Array.from(idx.data)).toEqual([0x01020304, -2]);
    expect(idx.data).toBeInstanceOf(Int32Array);
  });

  for (const [dtype, values] of Object.entries(SAMPLES) as [IdxDType, number[]][]) {
    it(`round-trips ${dtype} exactly (rank 1, 2 and 3)`, () => {
      for (const shape of [[6], [2, 3], [3, 1, 2]]) {
        const idx = readIdx(writeIdx({ dtype, shape, data: values }));
        expect(idx.dtype).toBe(dtype);
        expect(idx.shape).toEqual(shape);
        expect(Array.from(idx.data)).toEqual(dtype === 'float32' ? Array.from(Float32Array.from(values)) : values);
        expect(Object.is(idx.data[1], values[1])).toBe(true); // -0 stays -0 for floats
      }
    });
  }

  it('copies float bits exactly, NaN payloads included', () => {
    const bits = new Uint32Array([0x7fc00001, 0xffc00002, 0x00000001, 0x80000000]);
    const idx = readIdx(writeIdx({ dtype: 'float32', shape: [4], data: new Float32Array(bits.buffer) }));
    expect(Array.from(new Uint32Array(idx.data.buffer, idx.data.byteOffset, 4))).toEqual(Array.from(bits));
  });

  it('handles empty arrays (a zero dimension) and large ranks', () => {
    const empty = readIdx(writeIdx({ dtype: 'float64', shape: [0, 28, 28], data: [] }));
    expect(empty.shape).toEqual([0, 28, 28]);
    expect(empty.data.length).toBe(0);
    const shape = Array.from({ length: 32 }, () => 1);
    expect(readIdx(writeIdx({ dtype: 'int8', shape, data: [-7] })).shape).toEqual(shape);
    // A zero dimension beside huge ones: no data, no overflow.
    const bytes = bytesOf(0, 0, 8, 3, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff);
    expect(readIdx(bytes).shape).toEqual([4294967295, 0, 4294967295]);
  });

  it('reads from a view at an odd offset and never aliases the input', () => {
    const file = writeIdx({ dtype: 'float64', shape: [2], data: [1.25, -3] });
    const big = new Uint8Array(file.length + 3);
    big.set(file, 3);
    const idx = readIdx(big.subarray(3));
    expect(Array.from(idx.data)).toEqual([1.25, -3]);
    big.fill(0);
    expect(Array.from(idx.data)).toEqual([1.25, -3]);
    const u8 = readIdx(writeIdx({ dtype: 'uint8', shape: [2], data: [9, 8] }));
    expect(u8.data.byteOffset).toBe(0);
    expect(u8.data.buffer.byteLength).toBe(2);
  });

  it('accepts an ArrayBuffer', () => {
    const file = writeIdx({ dtype: 'uint8', shape: [1], data: [3] });
    expect(readIdx(file.slice().buffer as unknown as Uint8Array).data[0]).toBe(3);
  });

  it('narrows data by dtype', () => {
    const idx: Idx = readIdx(writeIdx({ dtype: 'uint8', shape: [1], data: [1] }));
    if (idx.dtype === 'uint8') {
      const data: Uint8Array = idx.data;
      expect(data[0]).toBe(1);
    } else {
      expect.unreachable();
    }
  });
});

describe('writeIdx validation', () => {
  const cases: [string, unknown, new (...a: never[]) => Error, string][] = [
    ['unknown dtype', { dtype: 'uint16', shape: [1], data: [1] }, ArgumentError, 'dtype'],
    ['rank 0', { dtype: 'uint8', shape: [], data: [1] }, ArgumentError, 'shape'],
    ['rank 33', { dtype: 'uint8', shape: new Array(33).fill(1), data: [1] }, ArgumentError, 'shape'],
    ['negative dim', { dtype: 'uint8', shape: [-1], data: [] }, ArgumentError, 'shape'],
    ['fractional dim', { dtype: 'uint8', shape: [1.5], data: [1] }, ArgumentError, 'shape'],
    ['dim ≥ 2³²', { dtype: 'uint8', shape: [2 ** 32], data: [] }, ArgumentError, 'shape'],
    // eslint-disable-next-line no-sparse-arrays
    ['sparse shape', { dtype: 'uint8', shape: [, 1], data: [1] }, ArgumentError, 'shape'],
    ['length mismatch', { dtype: 'uint8', shape: [2, 2], data: [1, 2, 3] }, ShapeError, 'data'],
    ['uint8 out of range', { dtype: 'uint8', shape: [1], data: [256] }, ArgumentError, 'data'],
    ['int8 out of range', { dtype: 'int8', shape: [1], data: [-129] }, ArgumentError, 'data'],
    ['int16 fractional', { dtype: 'int16', shape: [1], data: [0.5] }, ArgumentError, 'data'],
    ['int32 NaN', { dtype: 'int32', shape: [1], data: [NaN] }, ArgumentError, 'data'],
    ['float string', { dtype: 'float32', shape: [1], data: ['1'] }, ArgumentError, 'data'],
    ['data missing', { dtype: 'float32', shape: [1] }, ArgumentError, 'data'],
    ['not an object', null, ArgumentError, 'idx'],
  ];
  for (const [name, input, cls, arg] of cases) {
    it(`rejects ${name}`, () => {
      let error: unknown;
      try {
        writeIdx(input as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(cls);
      expect((error as FormatError).op).toBe('writeIdx');
      expect((error as FormatError).arg).toBe(arg);
    });
  }

  it('converts other array types when the values fit', () => {
    expect(Array.from(readIdx(writeIdx({ dtype: 'int16', shape: [2], data: new Float64Array([3, -4]) })).data)).toEqual(
      [3, -4],
    );
    expect(readIdx(writeIdx({ dtype: 'float32', shape: [1], data: [0.1] })).data[0]).toBe(Math.fround(0.1));
  });
});

describe('decodeIdx', () => {
  it('inflates gzip detected by magic, whatever the dtype', async () => {
    for (const [dtype, values] of Object.entries(SAMPLES) as [IdxDType, number[]][]) {
      const file = writeIdx({ dtype, shape: [3, 2], data: values });
      const idx = await decodeIdx(gzip(file));
      expect(idx).toEqual(readIdx(file));
    }
  });

  it('reads raw input as readIdx does', async () => {
    const file = writeIdx({ dtype: 'int8', shape: [2], data: [-1, 1] });
    expect(await decodeIdx(file)).toEqual(readIdx(file));
  });

  it('decodes a file larger than the first buffer (growing to the exact size)', async () => {
    const n = 3_000_000;
    const data = new Uint8Array(n).map((_, i) => (i * 31) % 251);
    const idx = await decodeIdx(gzip(writeIdx({ dtype: 'uint8', shape: [n], data })));
    expect(idx.data.length).toBe(n);
    expect(idx.data.buffer.byteLength).toBe(n);
    expect(Buffer.compare(idx.data as Uint8Array, data)).toBe(0);
  });

  it('decodes multi-member gzip (concatenated streams)', async () => {
    const file = writeIdx({ dtype: 'uint8', shape: [4], data: [1, 2, 3, 4] });
    const joined = new Uint8Array([...gzip(file.subarray(0, 10)), ...gzip(file.subarray(10))]);
    expect(Array.from((await decodeIdx(joined)).data)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a header claiming more than maxBytes before inflating the data', async () => {
    const file = writeIdx({ dtype: 'uint8', shape: [1000], data: new Uint8Array(1000) });
    await expect(decodeIdx(gzip(file), { maxBytes: 999 })).rejects.toMatchObject({
      constructor: FormatError,
      arg: 'shape',
    });
    expect((await decodeIdx(gzip(file), { maxBytes: 1008 })).shape).toEqual([1000]);
  });

  it('stops inflating at the first byte past the header claim (a gzip bomb with a small header)', async () => {
    const header = writeIdx({ dtype: 'uint8', shape: [4], data: [0, 0, 0, 0] });
    const bomb = new Uint8Array(header.length + 50_000_000);
    bomb.set(header);
    const error = await decodeIdx(gzip(bomb)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).arg).toBe('data');
    expect((error as FormatError).got).toContain('trailing');
  });

  it('validates its arguments', async () => {
    await expect(decodeIdx('nope' as never)).rejects.toBeInstanceOf(ArgumentError);
    for (const maxBytes of [0, -1, 1.5, NaN, '10']) {
      await expect(decodeIdx(new Uint8Array(8), { maxBytes: maxBytes as number })).rejects.toMatchObject({
        constructor: ArgumentError,
        arg: 'maxBytes',
      });
    }
  });
});
