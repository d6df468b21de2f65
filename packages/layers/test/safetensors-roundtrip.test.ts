// saveSafetensors → loadSafetensors is the identity, bit for bit, for every dtype; converted
// dtypes (F16, BF16, F8, I64, …) load to exactly the values they encode.
import {
  DisposedTensorError,
  ArgumentError,
  FormatError,
  getBackend,
  tensor,
  Tensor,
  zeros,
  type TypedArray,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { loadSafetensors, readSafetensorsHeader, saveSafetensors } from '../src/serialize/index.js';
import { rng } from './support/rng.js';
import { safetensorsFile as file } from './support/safetensors-bytes.js';

function bytesOf(values: TypedArray | Uint16Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function f32Bits(bits: number[]): Float32Array {
  return new Float32Array(new Uint32Array(bits).buffer);
}

function f64Bits(words: number[]): Float64Array {
  return new Float64Array(new Uint32Array(words).buffer);
}

/** Expects `b` to hold the same keys (same order), shapes, dtypes and bytes as `a`. */
function expectSameState(a: Record<string, Tensor>, b: Record<string, Tensor>): void {
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const key of Object.keys(a)) {
    const x = a[key]!;
    const y = b[key]!;
    expect([key, y.dtype, y.shape]).toEqual([key, x.dtype, x.shape]);
    expect(Buffer.from(bytesOf(y.dataSync())).equals(Buffer.from(bytesOf(x.dataSync()))), key).toBe(true);
  }
}

describe('round trip is bit-exact', () => {
  it('keeps NaN payloads, ±Inf, −0, subnormals and extremes of float32 and float64', () => {
    const f32 = f32Bits([
      0x7fc00000,
      0xffc00000,
      0x7fc00001,
      0x7fa12345,
      0x7f800001,
      0xff812345, // NaNs: quiet, negative, payloads, signalling
      0x7f800000,
      0xff800000,
      0x00000000,
      0x80000000, // ±Inf, ±0
      0x00000001,
      0x807fffff,
      0x00400000, // subnormals
      0x7f7fffff,
      0xff7fffff,
      0x00800000,
      0x3f800000,
      0x3eaaaaab,
    ]);
    const f64 = f64Bits([
      0x00000000,
      0x7ff80000,
      0x00000001,
      0x7ff00000,
      0x12345678,
      0xfff4abcd, // NaNs with payloads
      0x00000000,
      0x7ff00000,
      0x00000000,
      0xfff00000,
      0x00000000,
      0x80000000, // +Inf, −Inf, −0
      0x00000001,
      0x00000000,
      0xffffffff,
      0x800fffff, // subnormals
      0xffffffff,
      0x7fefffff,
      0x55555555,
      0x3fd55555,
    ]);
    const state = { f32: tensor(f32), f64: tensor(f64, { shape: [2, 5] }) };
    const loaded = loadSafetensors(saveSafetensors(state));
    expectSameState(state, loaded.tensors);
    expect(Object.is(loaded.tensors.f32!.dataSync()[9], -0)).toBe(true);
    expect(new Uint32Array(loaded.tensors.f32!.dataSync().buffer)[3]).toBe(0x7fa12345);
  });

  it('keeps int32 extremes and bool values', () => {
    const state = {
      ints: tensor(new Int32Array([-2147483648, -1, 0, 1, 2147483647, 123456789]), { shape: [2, 3] }),
      flags: tensor([
        [true, false, true],
        [false, false, true],
      ]),
    };
    const loaded = loadSafetensors(saveSafetensors(state)).tensors;
    expectSameState(state, loaded);
    expect(loaded.flags!.toArray()).toEqual([
      [true, false, true],
      [false, false, true],
    ]);
    expect(readSafetensorsHeader(saveSafetensors(state)).entries.map((e) => e.dtype)).toEqual(['I32', 'BOOL']);
  });

  it('keeps 0-d tensors and empty tensors (a 0 in the shape) of every dtype', () => {
    const state: Record<string, Tensor> = {};
    for (const dtype of ['float32', 'float64', 'int32', 'bool'] as const) {
      state[`${dtype}.scalar`] = tensor(dtype === 'bool' ? true : -7, { dtype });
      state[`${dtype}.empty`] = zeros([0], { dtype });
      state[`${dtype}.empty3d`] = zeros([2, 0, 3], { dtype });
    }
    const bytes = saveSafetensors(state);
    const loaded = loadSafetensors(bytes).tensors;
    expectSameState(state, loaded);
    expect(loaded['float64.scalar']!.shape).toEqual([]);
    expect(loaded['float64.scalar']!.item()).toBe(-7);
    expect(loaded['bool.empty3d']!.shape).toEqual([2, 0, 3]);
    expect(loadSafetensors(saveSafetensors({})).tensors).toEqual({});
  });

  it('keeps random bit patterns of a 1M-element float32 and a 256K-element float64 tensor', () => {
    const next = rng(1234);
    const big32 = new Uint32Array(1 << 20).map(() => next());
    const big64 = new Uint32Array(1 << 19).map(() => next());
    const state = {
      big32: tensor(new Float32Array(big32.buffer), { shape: [1024, 1024] }),
      big64: tensor(new Float64Array(big64.buffer), { shape: [512, 512] }),
    };
    expect(Array.from(new Float32Array(big32.buffer)).some(Number.isNaN)).toBe(true); // payloads are exercised
    const loaded = loadSafetensors(saveSafetensors(state)).tensors;
    expectSameState(state, loaded);
  });

  it('keeps unicode and odd keys, and metadata, in order', () => {
    const keys = [
      'café.weight',
      '日本語',
      '🔥.bias',
      'a"b\\c',
      'line\nbreak\t\u0000',
      'lone \ud800 surrogate',
      '__proto__',
      'constructor',
      '',
      'x'.repeat(300),
    ];
    const state = Object.fromEntries(keys.map((k, i) => [k, tensor([i, -i])]));
    const metadata = Object.fromEntries([
      ['format', 'pt'],
      ['ünï', 'cödé ✓ "quoted" \\ \n'],
      ['__proto__', 'not a prototype'],
      ['empty', ''],
    ]);
    const bytes = saveSafetensors(state, { metadata });
    const loaded = loadSafetensors(bytes);
    expectSameState(state, loaded.tensors);
    expect(Object.keys(loaded.metadata)).toEqual(Object.keys(metadata));
    expect(Object.getPrototypeOf(loaded.metadata)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(loaded.metadata, '__proto__')?.value).toBe('not a prototype');
    expect(Object.getOwnPropertyDescriptor(loaded.tensors, '__proto__')?.value).toBeInstanceOf(Tensor);
    expect(Object.entries(loaded.metadata)).toEqual(Object.entries(metadata));
  });

  it('writes a deterministic, 8-byte aligned layout: header in key order, data by element size', () => {
    const state = {
      flag: tensor([true, false, true]),
      w: tensor([
        [1, 2],
        [3, 4],
      ]),
      d: tensor([1, 2, 3], { dtype: 'float64' }),
      i: tensor([5], { dtype: 'int32' }),
    };
    const bytes = saveSafetensors(state, { metadata: { b: '2', a: '1' } });
    expect(Buffer.from(saveSafetensors(state, { metadata: { b: '2', a: '1' } })).equals(Buffer.from(bytes))).toBe(true);
    const headerLength = new DataView(bytes.buffer).getUint32(0, true);
    expect(headerLength % 8).toBe(0);
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(0);
    const text = new TextDecoder().decode(bytes.subarray(8, 8 + headerLength));
    expect(text).toBe(
      '{"__metadata__":{"b":"2","a":"1"},' +
        '"flag":{"dtype":"BOOL","shape":[3],"data_offsets":[44,47]},' +
        '"w":{"dtype":"F32","shape":[2,2],"data_offsets":[24,40]},' +
        '"d":{"dtype":"F64","shape":[3],"data_offsets":[0,24]},' +
        '"i":{"dtype":"I32","shape":[1],"data_offsets":[40,44]}}' +
        ' '.repeat(headerLength - text.trimEnd().length),
    );
    const header = readSafetensorsHeader(bytes);
    expect(header.dataStart).toBe(8 + headerLength);
    for (const e of header.entries)
      expect(e.dataOffsets[0] % { F64: 8, F32: 4, I32: 4, BOOL: 1 }[e.dtype as 'F64']).toBe(0);
    expect(Object.keys(loadSafetensors(bytes).tensors)).toEqual(['flag', 'w', 'd', 'i']);
  });

  it('accepts an ArrayBuffer, a Buffer with an offset, and a DataView', () => {
    const bytes = saveSafetensors({ w: tensor([1.5, 2.5]) });
    const pooled = Buffer.concat([Buffer.from([9, 9, 9]), Buffer.from(bytes)]).subarray(3);
    for (const input of [bytes.slice().buffer, pooled, new DataView(bytes.buffer)] as Uint8Array[]) {
      expect(loadSafetensors(input).tensors.w!.toArray()).toEqual([1.5, 2.5]);
    }
    expect(() => loadSafetensors('abc' as unknown as Uint8Array)).toThrow(ArgumentError);
    expect(() => loadSafetensors(null as unknown as Uint8Array)).toThrow(ArgumentError);
  });

  it('loads from shared memory', () => {
    const bytes = saveSafetensors({ w: tensor([3, 4]) });
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    expect(loadSafetensors(shared).tensors.w!.toArray()).toEqual([3, 4]);
  });

  it('rejects a bad state before writing anything', () => {
    const dead = tensor([1]);
    dead.dispose();
    expect(() => saveSafetensors({ w: dead })).toThrow(DisposedTensorError);
    expect(() => saveSafetensors({ w: [1, 2] as unknown as Tensor })).toThrow(ArgumentError);
    expect(() => saveSafetensors({ __metadata__: tensor([1]) })).toThrow(/reserved/);
    expect(() => saveSafetensors({ w: tensor([1]) }, { metadata: { n: 3 as unknown as string } })).toThrow(
      ArgumentError,
    );
    expect(() => saveSafetensors(null as unknown as Record<string, Tensor>)).toThrow(ArgumentError);
  });

  it('does not leak tensors: loading allocates exactly one tensor per entry', () => {
    const bytes = saveSafetensors({ a: tensor([1]), b: zeros([2, 2]) });
    const before = getBackend().numDataIds();
    const { tensors } = loadSafetensors(bytes);
    expect(getBackend().numDataIds()).toBe(before + 2);
    for (const t of Object.values(tensors)) t.dispose();
    expect(getBackend().numDataIds()).toBe(before);
    // A failure on the second tensor disposes the first.
    const bad = file(
      { a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, b: { dtype: 'BOOL', shape: [1], data_offsets: [4, 5] } },
      new Uint8Array([0, 0, 128, 63, 7]),
    );
    expect(() => loadSafetensors(bad)).toThrow(FormatError);
    expect(getBackend().numDataIds()).toBe(before);
  });
});

/** Reference value of an IEEE half (or of the top byte of one, for E5M2), by arithmetic. */
function halfValue(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0x1f) return mant === 0 ? sign * Infinity : NaN;
  if (exp === 0) return sign * mant * 2 ** -24;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

describe('converted dtypes load exactly', () => {
  it('F16: all 65536 values, NaN payloads kept in the top mantissa bits', () => {
    const data = new Uint16Array(65536).map((_, i) => i);
    const t = loadSafetensors(file({ h: { dtype: 'F16', shape: [65536], data_offsets: [0, 131072] } }, bytesOf(data)))
      .tensors.h!;
    expect(t.dtype).toBe('float32');
    const values = t.dataSync() as Float32Array;
    const bits = new Uint32Array(values.buffer);
    for (let h = 0; h < 65536; h++) {
      const want = halfValue(h);
      if (Number.isNaN(want)) expect(bits[h]).toBe((((h & 0x8000) << 16) | 0x7f800000 | ((h & 0x3ff) << 13)) >>> 0);
      else if (!Object.is(values[h], want)) expect([h, values[h]]).toEqual([h, want]);
    }
  });

  it('BF16: all 65536 values are the top half of a float32', () => {
    const data = new Uint16Array(65536).map((_, i) => i);
    const t = loadSafetensors(
      file({ b: { dtype: 'BF16', shape: [256, 256], data_offsets: [0, 131072] } }, bytesOf(data)),
    ).tensors.b!;
    expect(t.shape).toEqual([256, 256]);
    const bits = new Uint32Array(t.dataSync().buffer);
    expect(bits.every((b, i) => b === (i << 16) >>> 0)).toBe(true);
  });

  it('F8_E5M2 and F8_E4M3: all 256 values', () => {
    const data = new Uint8Array(256).map((_, i) => i);
    const loaded = loadSafetensors(
      file(
        {
          e5: { dtype: 'F8_E5M2', shape: [256], data_offsets: [0, 256] },
          e4: { dtype: 'F8_E4M3', shape: [256], data_offsets: [256, 512] },
        },
        new Uint8Array([...data, ...data]),
      ),
    ).tensors;
    const e5 = loaded.e5!.dataSync();
    const e4 = loaded.e4!.dataSync();
    for (let b = 0; b < 256; b++)
      expect(Object.is(e5[b], halfValue(b << 8)) || (Number.isNaN(e5[b]!) && Number.isNaN(halfValue(b << 8)))).toBe(
        true,
      );
    expect([e4[0x7e], e4[0xfe], e4[0x08], e4[0x01], e4[0x38], e4[0x80], e4[0x77]]).toEqual([
      448,
      -448,
      2 ** -6,
      2 ** -9,
      1,
      -0,
      240,
    ]);
    expect([Number.isNaN(e4[0x7f]), Number.isNaN(e4[0xff]), e4.filter(Number.isNaN).length]).toEqual([true, true, 2]);
    expect([e5[0x7c], e5[0xfc], e5[0x3c], e5[0x01]]).toEqual([Infinity, -Infinity, 1, 2 ** -16]);
  });

  it('I64, U64, U32, I16, U16, I8, U8 load as int32', () => {
    const i64 = new BigInt64Array([0n, -1n, 2147483647n, -2147483648n, 42n]);
    const u64 = new BigUint64Array([0n, 2147483647n]);
    const u32 = new Uint32Array([0, 2147483647]);
    const i16 = new Int16Array([-32768, 32767, -1]);
    const u16 = new Uint16Array([0, 65535]);
    const i8 = new Int8Array([-128, 127]);
    const u8 = new Uint8Array([0, 255]);
    const parts: [string, string, ArrayBufferView & { length: number; BYTES_PER_ELEMENT: number }][] = [
      ['i64', 'I64', i64],
      ['u64', 'U64', u64],
      ['u32', 'U32', u32],
      ['i16', 'I16', i16],
      ['u16', 'U16', u16],
      ['i8', 'I8', i8],
      ['u8', 'U8', u8],
    ];
    let offset = 0;
    const header: Record<string, unknown> = {};
    const chunks: number[] = [];
    for (const [name, dtype, arr] of parts) {
      header[name] = { dtype, shape: [arr.length], data_offsets: [offset, offset + arr.byteLength] };
      offset += arr.byteLength;
      chunks.push(...new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
    }
    const t = loadSafetensors(file(header, new Uint8Array(chunks))).tensors;
    expect(Object.values(t).every((x) => x.dtype === 'int32')).toBe(true);
    expect(t.i64!.toArray()).toEqual([0, -1, 2147483647, -2147483648, 42]);
    expect(t.u64!.toArray()).toEqual([0, 2147483647]);
    expect(t.u32!.toArray()).toEqual([0, 2147483647]);
    expect(t.i16!.toArray()).toEqual([-32768, 32767, -1]);
    expect(t.u16!.toArray()).toEqual([0, 65535]);
    expect(t.i8!.toArray()).toEqual([-128, 127]);
    expect(t.u8!.toArray()).toEqual([0, 255]);
    expect(readSafetensorsHeader(file(header, new Uint8Array(chunks))).entries.map((e) => e.loadsAs)).toEqual(
      Array(7).fill('int32'),
    );
  });

  it('reads unaligned data (an odd header length, a 1-byte tensor first)', () => {
    const data = new Uint8Array([1, ...bytesOf(new Float64Array([Math.PI])), ...bytesOf(new Float32Array([-2.5]))]);
    const bytes = file(
      '{"b":{"dtype":"BOOL","shape":[],"data_offsets":[0,1]},"d":{"dtype":"F64","shape":[1],"data_offsets":[1,9]},"f":{"dtype":"F32","shape":[1,1],"data_offsets":[9,13]}}  \n\t\r',
      data,
    );
    const t = loadSafetensors(bytes).tensors;
    expect([t.b!.item(), t.d!.item(), t.f!.toArray()]).toEqual([true, Math.PI, [[-2.5]]]);
  });
});
