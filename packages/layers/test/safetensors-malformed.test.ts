// Every malformed safetensors file is rejected with a FormatError naming the problem; random
// corruptions of valid files give either a valid result or a FormatError, never another error.
import { FormatError, getBackend, tensor, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { loadSafetensors, readSafetensorsHeader, saveSafetensors } from '../src/serialize/index.js';
import { thrownBy } from './support/errors.js';
import { rng } from './support/rng.js';
import { rawSafetensors as raw, safetensorsFile as file } from './support/safetensors-bytes.js';

const f32 = (shape: number[], begin: number, end: number) => ({ dtype: 'F32', shape, data_offsets: [begin, end] });
const bytes = (n: number, value = 0) => new Array<number>(n).fill(value);

interface Case {
  name: string;
  bytes: Uint8Array;
  arg: string;
  message: RegExp;
}

const cases: Case[] = [
  { name: 'empty file', bytes: new Uint8Array(0), arg: 'bytes', message: /at least 8 bytes.*got 0 bytes/ },
  { name: 'shorter than the length field', bytes: new Uint8Array(7), arg: 'bytes', message: /got 7 bytes/ },
  {
    name: 'header length beyond the file',
    bytes: raw('{}', [], 100),
    arg: 'headerLength',
    message: /at most 2 .*got 100/,
  },
  {
    name: 'absurd header length (2^40)',
    bytes: raw('{}', [], 2n ** 40n),
    arg: 'headerLength',
    message: /at most 100000000 bytes, got 1099511627776/,
  },
  {
    name: 'absurd header length (2^64 - 1)',
    bytes: raw('{}', [], 2n ** 64n - 1n),
    arg: 'headerLength',
    message: /at most 100000000/,
  },
  { name: 'header length 0', bytes: raw(''), arg: 'header', message: /starting with "\{", got an empty header/ },
  {
    name: 'header not starting with {',
    bytes: raw(' {}'),
    arg: 'header',
    message: /starting with "\{", got byte 0x20/,
  },
  { name: 'header is a JSON array', bytes: raw('[]'), arg: 'header', message: /got byte 0x5b/ },
  {
    name: 'byte-order mark before the JSON',
    bytes: raw(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
    arg: 'header',
    message: /got byte 0xef/,
  },
  {
    name: 'header not UTF-8',
    bytes: raw(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x7b, 0x7d, 0x7d])),
    arg: 'header',
    message: /valid UTF-8/,
  },
  {
    name: 'overlong UTF-8 encoding',
    bytes: raw(new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x7b, 0x7d, 0x7d])),
    arg: 'header',
    message: /valid UTF-8/,
  },
  {
    name: 'JSON syntax error (trailing comma)',
    bytes: raw('{"a":{},}'),
    arg: 'header',
    message: /a quoted object key, got "\}" at character 8/,
  },
  {
    name: 'JSON cut short by the header length',
    bytes: raw('{"w":{"dtype":"F32"', []),
    arg: 'header',
    message: /"," or "\}" in an object, got the end/,
  },
  {
    name: 'garbage after the JSON object',
    bytes: raw('{} x'),
    arg: 'header',
    message: /only whitespace after the JSON object, got "x" at character 3/,
  },
  { name: 'NUL padding after the JSON', bytes: raw('{}\u0000\u0000'), arg: 'header', message: /only whitespace/ },
  {
    name: 'duplicate tensor key',
    bytes: raw(`{"w":${JSON.stringify(f32([1], 0, 4))},"w":${JSON.stringify(f32([1], 0, 4))}}`, bytes(4)),
    arg: 'header',
    message: /unique keys, got key "w" twice in the header/,
  },
  {
    name: 'duplicate field inside an entry',
    bytes: raw('{"w":{"dtype":"F32","dtype":"I32","shape":[1],"data_offsets":[0,4]}}', bytes(4)),
    arg: 'header',
    message: /key "dtype" twice in object "w"/,
  },
  {
    name: 'duplicate __metadata__',
    bytes: raw('{"__metadata__":{},"__metadata__":{}}'),
    arg: 'header',
    message: /"__metadata__" twice/,
  },
  {
    name: 'unescaped control character in a key',
    bytes: raw('{"a\u0001":{}}'),
    arg: 'header',
    message: /no control characters inside a string/,
  },
  { name: 'invalid escape', bytes: raw('{"a\\x41":{}}'), arg: 'header', message: /a JSON escape/ },
  { name: 'short \\u escape', bytes: raw('{"a\\u12":{}}'), arg: 'header', message: /\\u and 4 hex digits/ },
  {
    name: 'nesting deeper than 64',
    bytes: raw(`{"__metadata__":${'['.repeat(100)}${']'.repeat(100)}}`),
    arg: 'header',
    message: /nested at most 64 levels/,
  },
  {
    name: 'entry is not an object',
    bytes: file({ w: [0, 4] }),
    arg: 'w',
    message: /a tensor entry.*got an array of 2/,
  },
  { name: 'entry is a number', bytes: file({ w: 3 }), arg: 'w', message: /got the number 3/ },
  {
    name: 'missing dtype',
    bytes: file({ w: { shape: [1], data_offsets: [0, 4] } }, bytes(4)),
    arg: 'w.dtype',
    message: /a "dtype" field, got none/,
  },
  {
    name: 'unknown dtype',
    bytes: file({ w: { ...f32([1], 0, 4), dtype: 'F128' } }, bytes(4)),
    arg: 'w.dtype',
    message: /one of F64, F32.*BOOL, got the string "F128"/,
  },
  {
    name: 'lower-case dtype',
    bytes: file({ w: { ...f32([1], 0, 4), dtype: 'f32' } }, bytes(4)),
    arg: 'w.dtype',
    message: /got the string "f32"/,
  },
  {
    name: 'dtype not a string',
    bytes: file({ w: { ...f32([1], 0, 4), dtype: 32 } }, bytes(4)),
    arg: 'w.dtype',
    message: /got the number 32/,
  },
  {
    name: 'missing shape',
    bytes: file({ w: { dtype: 'F32', data_offsets: [0, 4] } }, bytes(4)),
    arg: 'w.shape',
    message: /a "shape" field/,
  },
  {
    name: 'shape not an array',
    bytes: file({ w: { ...f32([1], 0, 4), shape: 1 } }, bytes(4)),
    arg: 'w.shape',
    message: /an array of dimensions, got the number 1/,
  },
  {
    name: 'negative dimension',
    bytes: file({ w: f32([-1, 1], 0, 4) }, bytes(4)),
    arg: 'w.shape',
    message: /non-negative integers.*got the number -1 at index 0/,
  },
  {
    name: 'fractional dimension',
    bytes: file({ w: f32([2.5], 0, 10) }, bytes(10)),
    arg: 'w.shape',
    message: /got the number 2.5/,
  },
  {
    name: 'dimension written as 2.0',
    bytes: raw('{"w":{"dtype":"F32","shape":[2.0],"data_offsets":[0,8]}}', bytes(8)),
    arg: 'w.shape',
    message: /got the number 2.0/,
  },
  {
    name: 'dimension in exponent form',
    bytes: raw('{"w":{"dtype":"F32","shape":[1e0],"data_offsets":[0,4]}}', bytes(4)),
    arg: 'w.shape',
    message: /got the number 1e0/,
  },
  {
    name: 'dimension beyond 2^53',
    bytes: raw('{"w":{"dtype":"F32","shape":[9007199254740993],"data_offsets":[0,4]}}', bytes(4)),
    arg: 'w.shape',
    message: /at most 2\^53 - 1/,
  },
  {
    name: 'dimension as a string',
    bytes: file({ w: { ...f32([1], 0, 4), shape: ['1'] } }, bytes(4)),
    arg: 'w.shape',
    message: /got the string "1" at index 0/,
  },
  {
    name: 'more than 64 dimensions',
    bytes: file({ w: f32(bytes(65, 1), 0, 4) }, bytes(4)),
    arg: 'w.shape',
    message: /at most 64 dimensions, got 65/,
  },
  {
    name: 'missing data_offsets',
    bytes: file({ w: { dtype: 'F32', shape: [1] } }, bytes(4)),
    arg: 'w.data_offsets',
    message: /a "data_offsets" field/,
  },
  {
    name: 'three data_offsets',
    bytes: file({ w: { ...f32([1], 0, 4), data_offsets: [0, 4, 8] } }, bytes(4)),
    arg: 'w.data_offsets',
    message: /two byte offsets.*array of 3/,
  },
  {
    name: 'negative offset',
    bytes: file({ w: f32([1], -4, 0) }, bytes(4)),
    arg: 'w.data_offsets',
    message: /non-negative integer offsets, got the number -4/,
  },
  {
    name: 'offsets in reverse order',
    bytes: file({ w: f32([1], 4, 0) }, bytes(4)),
    arg: 'w.data_offsets',
    message: /begin ≤ end, got \[4, 0\]/,
  },
  {
    name: 'offsets beyond the buffer',
    bytes: file({ w: f32([2], 0, 8) }, bytes(4)),
    arg: 'w.data_offsets',
    message: /within the data buffer of 4 bytes, got \[0, 8\]/,
  },
  {
    name: 'byte length ≠ shape × itemsize',
    bytes: file({ w: f32([2], 0, 4) }, bytes(4)),
    arg: 'w.data_offsets',
    message: /8 bytes \(shape \[2\] of F32, 4 bytes each\), got 4 bytes/,
  },
  {
    name: 'element count overflowing',
    bytes: file({ w: f32([2 ** 26, 2 ** 26, 2 ** 26], 0, 4) }, bytes(4)),
    arg: 'w.data_offsets',
    message: /more than 2\^53 - 1 bytes/,
  },
  {
    name: 'overlapping tensors',
    bytes: file({ a: f32([2], 0, 8), b: f32([2], 4, 12) }, bytes(12)),
    arg: 'b.data_offsets',
    message: /no other tensor uses, got \[4, 12\], overlapping the bytes of "a" \[0, 8\]/,
  },
  {
    name: 'two tensors on the same bytes',
    bytes: file({ a: f32([1], 0, 4), b: f32([1], 0, 4) }, bytes(4)),
    arg: 'b.data_offsets',
    message: /overlapping/,
  },
  {
    name: 'empty tensor inside another',
    bytes: file({ a: f32([2], 0, 8), e: f32([0], 4, 4) }, bytes(8)),
    arg: 'e.data_offsets',
    message: /overlapping the bytes of "a"/,
  },
  {
    name: 'hole between tensors',
    bytes: file({ a: f32([1], 0, 4), b: f32([1], 8, 12) }, bytes(12)),
    arg: 'b.data_offsets',
    message: /start at byte 4.*bytes \[4, 8\) belong to no tensor/,
  },
  {
    name: 'buffer not starting at 0',
    bytes: file({ a: f32([1], 4, 8) }, bytes(8)),
    arg: 'a.data_offsets',
    message: /start at byte 0/,
  },
  {
    name: 'trailing bytes',
    bytes: file({ a: f32([1], 0, 4) }, bytes(6)),
    arg: 'data',
    message: /cover all 6 bytes.*got 2 bytes after the last tensor/,
  },
  { name: 'data but no tensors', bytes: file({}, bytes(3)), arg: 'data', message: /3 bytes after the last tensor/ },
  {
    name: 'unknown entry field',
    bytes: file({ w: { ...f32([1], 0, 4), offsets: [0, 4] } }, bytes(4)),
    arg: 'w.offsets',
    message: /only the fields dtype, shape, data_offsets/,
  },
  {
    name: '__metadata__ not an object',
    bytes: file({ __metadata__: ['a'] }),
    arg: '__metadata__',
    message: /an object of strings, got an array of 1/,
  },
  {
    name: '__metadata__ with a number',
    bytes: file({ __metadata__: { epoch: 3 } }),
    arg: '__metadata__.epoch',
    message: /a string, got the number 3/,
  },
  {
    name: '__metadata__ with null',
    bytes: file({ __metadata__: { note: null } }),
    arg: '__metadata__.note',
    message: /got null/,
  },
  {
    name: 'BOOL byte other than 0/1',
    bytes: file({ m: { dtype: 'BOOL', shape: [3], data_offsets: [0, 3] } }, [1, 0, 2]),
    arg: 'm',
    message: /BOOL bytes 0 or 1, got byte 2 at element 2/,
  },
  {
    name: 'I64 above int32',
    bytes: file({ n: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, [0, 0, 0, 128, 0, 0, 0, 0]),
    arg: 'n',
    message: /I64 values within int32.*got 2147483648 at element 0/,
  },
  {
    name: 'I64 below int32',
    bytes: file({ n: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, [255, 255, 255, 127, 255, 255, 255, 255]),
    arg: 'n',
    message: /got -2147483649/,
  },
  {
    name: 'U64 above int32',
    bytes: file({ n: { dtype: 'U64', shape: [1], data_offsets: [0, 8] } }, [0, 0, 0, 0, 1, 0, 0, 0]),
    arg: 'n',
    message: /got 4294967296/,
  },
  {
    name: 'U32 above int32',
    bytes: file({ n: { dtype: 'U32', shape: [1], data_offsets: [0, 4] } }, [255, 255, 255, 255]),
    arg: 'n',
    message: /got 4294967295/,
  },
];

describe('malformed files are rejected with a named FormatError', () => {
  it(`covers ${cases.length} distinct malformations`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(c.name, () => {
      const before = getBackend().numDataIds();
      const error = thrownBy(() => loadSafetensors(c.bytes));
      expect(error).toBeInstanceOf(FormatError);
      const e = error as FormatError;
      expect({ code: e.code, op: e.op, arg: e.arg }).toEqual({ code: 'E_FORMAT', op: 'loadSafetensors', arg: c.arg });
      expect(e.message).toMatch(c.message);
      expect(getBackend().numDataIds()).toBe(before); // nothing left allocated
    });
  }

  it('header-only checks are the same through readSafetensorsHeader', () => {
    for (const c of cases.filter((x) => x.arg !== 'm' && x.arg !== 'n')) {
      expect(() => readSafetensorsHeader(c.bytes), c.name).toThrow(FormatError);
    }
  });

  it('accepts what the format allows: empty header object, trailing JSON whitespace, empty tensors anywhere on the boundary', () => {
    expect(loadSafetensors(raw('{}')).tensors).toEqual({});
    expect(loadSafetensors(raw('{}    \n\t\r ')).metadata).toEqual({});
    const ok = file(
      { e1: f32([0], 0, 0), a: f32([1], 0, 4), e2: f32([3, 0], 4, 4), b: f32([1], 4, 8), e3: f32([0], 8, 8) },
      bytes(8),
    );
    expect(Object.keys(loadSafetensors(ok).tensors)).toEqual(['e1', 'a', 'e2', 'b', 'e3']);
  });
});

describe('fuzzing: corrupt files give a result or a FormatError, nothing else', () => {
  const bases = [
    saveSafetensors(
      {
        'fc.weight': tensor([
          [1, -0, NaN],
          [Infinity, 2, 3],
        ]),
        'fc.bias': tensor([0.5, 1.5], { dtype: 'float64' }),
        step: tensor([3], { dtype: 'int32' }),
        mask: tensor([true, false, true]),
        empty: zeros([0, 2]),
      },
      { metadata: { format: 'pt', note: 'ünïcode' } },
    ),
    file(
      {
        h: { dtype: 'F16', shape: [2], data_offsets: [0, 4] },
        n: { dtype: 'I64', shape: [2], data_offsets: [4, 20] },
        b: { dtype: 'BF16', shape: [1], data_offsets: [20, 22] },
        u: { dtype: 'U8', shape: [2], data_offsets: [22, 24] },
        q: { dtype: 'F8_E4M3', shape: [1], data_offsets: [24, 25] },
      },
      [0, 60, 0, 188, 7, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 128, 63, 1, 255, 56],
    ),
  ];

  it('valid bases load', () => {
    for (const b of bases) expect(() => loadSafetensors(b)).not.toThrow();
  });

  it('5000 seeded corruptions: byte flips, digit edits, truncations, extensions, length edits', () => {
    const next = rng(20240607);
    const counts = { ok: 0, formatError: 0 };
    const args = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const base = bases[i % bases.length]!;
      const headerEnd = 8 + new DataView(base.buffer, base.byteOffset).getUint32(0, true);
      let b = base.slice();
      const kind = next() % 6;
      if (kind === 0) {
        for (let k = 1 + (next() % 4); k > 0; k--) b[next() % b.length] = next() & 0xff;
      } else if (kind === 1) {
        // Replace a digit in the header by another: offsets and shapes that parse but may lie.
        const digits = [...b.subarray(8, headerEnd).keys()].filter((j) => b[8 + j]! >= 0x30 && b[8 + j]! <= 0x39);
        for (let k = 1 + (next() % 2); k > 0 && digits.length > 0; k--)
          b[8 + digits[next() % digits.length]!] = 0x30 + (next() % 10);
      } else if (kind === 2) {
        b = b.slice(0, next() % b.length);
      } else if (kind === 3) {
        b = new Uint8Array([...b, ...Array.from({ length: 1 + (next() % 16) }, () => next() & 0xff)]);
      } else if (kind === 4) {
        b[next() % 8] = next() & 0xff; // the length field
      } else {
        // Flip one bit of a header byte (structure characters, quotes, dtype letters).
        b[8 + (next() % (headerEnd - 8))]! ^= 1 << (next() % 8);
      }
      try {
        const { tensors } = loadSafetensors(b);
        for (const t of Object.values(tensors)) t.dispose();
        counts.ok++;
      } catch (error) {
        if (!(error instanceof FormatError)) {
          throw new Error(`case ${i} (kind ${kind}) threw ${String(error)}; bytes ${Buffer.from(b).toString('hex')}`, {
            cause: error,
          });
        }
        args.add(error.arg?.replace(/^[^.]*\./, '*.') ?? '');
        counts.formatError++;
      }
    }
    expect(counts.ok + counts.formatError).toBe(5000);
    expect(counts.ok).toBeGreaterThan(100); // some corruptions (data bytes) are still valid files
    expect(counts.formatError).toBeGreaterThan(2500);
    expect(args.size).toBeGreaterThan(5); // many different checks fired
  });
});
