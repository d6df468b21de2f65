// Malformed IDX and gzip inputs: each one is a FormatError naming the field at fault (never a
// crash, never a huge allocation), plus a seeded fuzz loop over byte flips and truncations.
import { FormatError } from '@nn/tensor';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeIdx, type Idx, type IdxDType, readIdx, writeIdx } from '../src/index.js';

const gzip = (bytes: Uint8Array | number[]): Uint8Array => new Uint8Array(gzipSync(new Uint8Array(bytes)));
const u8 = (...parts: (number | Uint8Array | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'number' ? [p] : Array.from(p))));
/** A big-endian uint32. */
const be32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

const valid = writeIdx({ dtype: 'int32', shape: [2, 3], data: [1, -2, 3, -4, 5, -6] });
const validGz = gzip(valid);

/** `validGz` with byte `i` (from the end when negative) changed by `fn`. */
function patchGz(i: number, fn: (b: number) => number): Uint8Array {
  const out = validGz.slice();
  const at = i < 0 ? out.length + i : i;
  out[at] = fn(out[at] as number);
  return out;
}

interface Case {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The field the FormatError must name. */
  readonly arg: string;
  /** `readIdx` only accepts raw input; gzip cases run through `decodeIdx` only. */
  readonly gzip?: boolean;
  readonly maxBytes?: number;
}

const RAW_CASES: Case[] = [
  { name: 'empty input', bytes: u8(), arg: 'header' },
  { name: 'one byte', bytes: u8(0), arg: 'header' },
  { name: 'three bytes', bytes: u8(0, 0, 8), arg: 'header' },
  { name: 'first magic byte not zero', bytes: u8(1, 0, 8, 1, be32(1), 7), arg: 'magic' },
  { name: 'second magic byte not zero', bytes: u8(0, 3, 8, 1, be32(1), 7), arg: 'magic' },
  { name: 'text file', bytes: new TextEncoder().encode('label,pixel0\n5,0\n'), arg: 'magic' },
  { name: 'type code 0x00', bytes: u8(0, 0, 0x00, 1, be32(1), 7), arg: 'type' },
  { name: 'type code 0x07', bytes: u8(0, 0, 0x07, 1, be32(1), 7), arg: 'type' },
  { name: 'type code 0x0a (the gap between int8 and int16)', bytes: u8(0, 0, 0x0a, 1, be32(1), 7, 7), arg: 'type' },
  { name: 'type code 0x0f', bytes: u8(0, 0, 0x0f, 1, be32(1), 7), arg: 'type' },
  { name: 'type code 0xff', bytes: u8(0, 0, 0xff, 1, be32(1), 7), arg: 'type' },
  { name: 'rank 0', bytes: u8(0, 0, 8, 0, 7), arg: 'rank' },
  { name: 'rank 33', bytes: u8(0, 0, 8, 33, ...Array.from({ length: 33 }, () => be32(1)).flat(), 7), arg: 'rank' },
  { name: 'rank 255', bytes: u8(0, 0, 8, 255, new Uint8Array(1020)), arg: 'rank' },
  { name: 'dimensions cut short (rank 3, two dims)', bytes: u8(0, 0, 8, 3, be32(1), be32(1)), arg: 'header' },
  { name: 'dimension cut inside its 4 bytes', bytes: u8(0, 0, 8, 1, 0, 0, 1), arg: 'header' },
  { name: 'header only, data missing', bytes: u8(0, 0, 8, 1, be32(10)), arg: 'data' },
  { name: 'data one byte short', bytes: valid.subarray(0, valid.length - 1), arg: 'data' },
  { name: 'one trailing byte', bytes: u8(valid, 0), arg: 'data' },
  { name: 'a second file appended', bytes: u8(valid, valid), arg: 'data' },
  { name: 'int32 data ending inside an element', bytes: u8(0, 0, 0x0c, 1, be32(2), 0, 0, 0, 1, 0, 0), arg: 'data' },
  {
    name: 'float64 header claiming 10⁹ elements',
    bytes: u8(0, 0, 0x0e, 1, be32(1e9), new Uint8Array(16)),
    arg: 'data',
  },
  {
    name: 'MNIST header (60000×28×28) with 1 KiB of data',
    bytes: u8(0, 0, 8, 3, be32(60000), be32(28), be32(28), new Uint8Array(1024)),
    arg: 'data',
  },
  {
    name: 'element count overflowing 2⁵³',
    bytes: u8(0, 0, 8, 3, be32(0xffffffff), be32(0xffffffff), be32(0xffffffff)),
    arg: 'shape',
  },
  {
    name: 'byte size overflowing 2⁵³ (float64)',
    bytes: u8(0, 0, 0x0e, 2, be32(0xffffffff), be32(1 << 21)),
    arg: 'shape',
  },
  {
    name: 'rank 32 of maximal dims',
    bytes: u8(0, 0, 8, 32, ...Array.from({ length: 32 }, () => be32(0xffffffff)).flat()),
    arg: 'shape',
  },
];

const GZIP_CASES: Case[] = [
  { name: 'gzip magic only', bytes: u8(0x1f, 0x8b), arg: 'gzip', gzip: true },
  { name: 'gzip header only', bytes: validGz.subarray(0, 10), arg: 'gzip', gzip: true },
  { name: 'gzip cut in the deflate data', bytes: validGz.subarray(0, 16), arg: 'gzip', gzip: true },
  { name: 'gzip without its 8-byte trailer', bytes: validGz.subarray(0, validGz.length - 8), arg: 'gzip', gzip: true },
  { name: 'gzip cut inside its trailer', bytes: validGz.subarray(0, validGz.length - 3), arg: 'gzip', gzip: true },
  { name: 'gzip with a wrong CRC-32', bytes: patchGz(-8, (b) => b ^ 1), arg: 'gzip', gzip: true },
  { name: 'gzip with a wrong length (ISIZE)', bytes: patchGz(-4, (b) => b ^ 1), arg: 'gzip', gzip: true },
  { name: 'gzip with trailing garbage', bytes: u8(validGz, 1, 2, 3, 4), arg: 'gzip', gzip: true },
  { name: 'gzip followed by half a gzip header', bytes: u8(validGz, 0x1f, 0x8b, 8, 0), arg: 'gzip', gzip: true },
  { name: 'gzip with compression method 7', bytes: patchGz(2, () => 7), arg: 'gzip', gzip: true },
  { name: 'gzip with reserved flag bits', bytes: patchGz(3, () => 0xe0), arg: 'gzip', gzip: true },
  { name: 'gzip with a corrupt deflate block', bytes: patchGz(12, (b) => b ^ 0xff), arg: 'gzip', gzip: true },
  { name: 'gzip of a text file', bytes: gzip(Array.from(new TextEncoder().encode('hello'))), arg: 'magic', gzip: true },
  { name: 'gzip of a gzip file', bytes: gzip(validGz), arg: 'magic', gzip: true },
  { name: 'gzip of an unknown type code', bytes: gzip(u8(0, 0, 0x0a, 1, be32(1), 1)), arg: 'type', gzip: true },
  { name: 'gzip of rank 0', bytes: gzip(u8(0, 0, 8, 0)), arg: 'rank', gzip: true },
  { name: 'gzip of 3 bytes', bytes: gzip(u8(0, 0, 8)), arg: 'header', gzip: true },
  { name: 'gzip of a cut header', bytes: gzip(u8(0, 0, 8, 2, be32(1))), arg: 'header', gzip: true },
  { name: 'gzip of truncated data', bytes: gzip(valid.subarray(0, valid.length - 2)), arg: 'data', gzip: true },
  { name: 'gzip of data with trailing bytes', bytes: gzip(u8(valid, 9, 9)), arg: 'data', gzip: true },
  {
    name: 'gzip of a 10⁹-element header (beyond maxBytes)',
    bytes: gzip(u8(0, 0, 0x0e, 1, be32(1e9))),
    arg: 'shape',
    gzip: true,
  },
  { name: 'gzip of a file larger than maxBytes', bytes: validGz, arg: 'shape', gzip: true, maxBytes: 16 },
  {
    name: 'gzip of an overflowing shape',
    bytes: gzip(u8(0, 0, 8, 3, be32(0xffffffff), be32(0xffffffff), be32(0xffffffff))),
    arg: 'shape',
    gzip: true,
  },
];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  return undefined;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('malformed IDX and gzip inputs', () => {
  const all = [...RAW_CASES, ...GZIP_CASES];

  it('has at least 25 distinct cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    const inputs = all.map((c) => `${Array.from(c.bytes).join(',')}/${c.maxBytes ?? ''}`);
    expect(new Set(inputs).size).toBe(all.length);
  });

  for (const c of all) {
    it(`${c.name} → FormatError(${c.arg})`, async () => {
      if (c.gzip !== true) {
        const error = thrown(() => readIdx(c.bytes));
        expect(error).toBeInstanceOf(FormatError);
        expect((error as FormatError).op).toBe('readIdx');
        expect((error as FormatError).arg).toBe(c.arg);
      }
      const options = c.maxBytes === undefined ? {} : { maxBytes: c.maxBytes };
      const error = await rejection(decodeIdx(c.bytes, options));
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).op).toBe('decodeIdx');
      expect((error as FormatError).arg).toBe(c.arg);
      expect((error as FormatError).code).toBe('E_FORMAT');
    });
  }

  it('gives readIdx on gzip input a hint to use decodeIdx', () => {
    const error = thrown(() => readIdx(validGz)) as FormatError;
    expect(error).toBeInstanceOf(FormatError);
    expect(error.arg).toBe('magic');
    expect(error.message).toContain('decodeIdx');
  });

  it('names sizes in the message of a truncated file', () => {
    const error = thrown(() => readIdx(valid.subarray(0, valid.length - 1))) as FormatError;
    expect(error.message).toBe(
      '[@nn] readIdx(data): expected 24 bytes of data for int32 [2, 3], got 23 bytes (truncated)',
    );
  });
});

/** mulberry32: a small seeded PRNG, so every fuzz run sees the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(source: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(random() * n);
  const kind = pick(5);
  if (kind === 0) return source.slice(0, pick(source.length)); // truncate
  const out = source.slice();
  if (kind === 1) {
    out[pick(out.length)]! ^= 1 << pick(8); // flip one bit
  } else if (kind === 2) {
    for (let k = 1 + pick(4); k > 0; k--) out[pick(out.length)] = pick(256); // overwrite a few bytes
  } else if (kind === 3) {
    out[pick(Math.min(out.length, 24))] = pick(256); // hit the header (IDX or gzip)
  } else {
    return u8(
      out,
      Array.from({ length: 1 + pick(8) }, () => pick(256)),
    ); // append bytes
  }
  return out;
}

function checkValid(idx: Idx): void {
  expect(idx.data.length).toBe(idx.shape.reduce((a, b) => a * b, 1));
}

describe('fuzz: byte flips and truncations give a valid Idx or a FormatError, nothing else', () => {
  const sources: Uint8Array[] = (
    [
      ['uint8', [3, 4, 4]],
      ['int8', [5]],
      ['int16', [2, 7]],
      ['int32', [3, 3]],
      ['float32', [4, 1, 2]],
      ['float64', [6]],
    ] as [IdxDType, number[]][]
  ).map(([dtype, shape], s) => {
    const n = shape.reduce((a, b) => a * b, 1);
    return writeIdx({
      dtype,
      shape,
      data: Array.from({ length: n }, (_, i) => ((i * 37 + s) % 100) - (dtype === 'uint8' ? 0 : 50)),
    });
  });

  it('raw files through readIdx and decodeIdx (3000 mutations)', async () => {
    const random = rng(20240605);
    const outcomes = { valid: 0, format: 0 };
    for (let i = 0; i < 3000; i++) {
      const bytes = mutate(sources[i % sources.length] as Uint8Array, random);
      let sync: unknown;
      try {
        checkValid(readIdx(bytes));
        outcomes.valid++;
      } catch (e) {
        sync = e;
        if (!(e instanceof FormatError)) throw new Error(`input ${i} [${Array.from(bytes).join(',')}]: ${String(e)}`);
        outcomes.format++;
      }
      // decodeIdx agrees with readIdx on raw input (gzip-looking mutations aside).
      if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) {
        const error = await rejection(decodeIdx(bytes));
        expect(error === undefined ? 'ok' : (error as FormatError).arg).toBe(
          sync === undefined ? 'ok' : (sync as FormatError).arg,
        );
      }
    }
    expect(outcomes.format).toBeGreaterThan(1000);
    expect(outcomes.valid).toBeGreaterThan(100); // flips inside the data keep a file valid
  });

  it('gzip files through decodeIdx (3000 mutations)', async () => {
    const random = rng(7);
    const gzipped = sources.map((s) => gzip(s));
    const outcomes = { valid: 0, format: 0 };
    for (let i = 0; i < 3000; i++) {
      const bytes = mutate(gzipped[i % gzipped.length] as Uint8Array, random);
      try {
        checkValid(await decodeIdx(bytes));
        outcomes.valid++;
      } catch (e) {
        if (!(e instanceof FormatError)) throw new Error(`input ${i} [${Array.from(bytes).join(',')}]: ${String(e)}`);
        outcomes.format++;
      }
    }
    expect(outcomes.format).toBeGreaterThan(2000);
    expect(outcomes.valid).toBeGreaterThan(10); // e.g. flips in the gzip mtime / OS bytes
  });
});
