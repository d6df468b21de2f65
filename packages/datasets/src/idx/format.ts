// The IDX layout (LeCun): bytes 0-1 are zero, byte 2 the type code, byte 3 the rank, then one
// big-endian uint32 per dimension, then the elements, big-endian, row-major.
import { FormatError } from '@nn/tensor';
import type { IdxArrays, IdxDType } from './types.js';

/** Most dimensions an IDX file may declare (NumPy's historical limit); more is a FormatError. */
export const IDX_MAX_RANK = 32;

interface DTypeInfo {
  readonly code: number;
  readonly size: number;
  readonly array: new (buffer: ArrayBuffer, byteOffset?: number, length?: number) => IdxArrays[IdxDType];
}

const INFO: Readonly<Record<IdxDType, DTypeInfo>> = {
  uint8: { code: 0x08, size: 1, array: Uint8Array },
  int8: { code: 0x09, size: 1, array: Int8Array },
  int16: { code: 0x0b, size: 2, array: Int16Array },
  int32: { code: 0x0c, size: 4, array: Int32Array },
  float32: { code: 0x0d, size: 4, array: Float32Array },
  float64: { code: 0x0e, size: 8, array: Float64Array },
};

/** Every IDX dtype, in type-code order. */
export const IDX_DTYPES = Object.keys(INFO) as IdxDType[];

/** Is `value` one of the IDX dtype names? */
export function isIdxDType(value: unknown): value is IdxDType {
  return typeof value === 'string' && Object.hasOwn(INFO, value);
}

/** The type code byte of a dtype. */
export function typeCode(dtype: IdxDType): number {
  return INFO[dtype].code;
}

/** Bytes per element of a dtype. */
export function itemSize(dtype: IdxDType): number {
  return INFO[dtype].size;
}

/** The typed-array constructor of a dtype. */
export function arrayType(dtype: IdxDType): DTypeInfo['array'] {
  return INFO[dtype].array;
}

function dtypeOfCode(code: number): IdxDType | undefined {
  return IDX_DTYPES.find((d) => INFO[d].code === code);
}

/** `0x0b` for 11: how type codes and magic bytes appear in messages. */
export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/** Does `bytes` start with the gzip magic `1f 8b`? */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A validated IDX header. */
export interface IdxHeader {
  readonly dtype: IdxDType;
  readonly shape: number[];
  /** Length of the header in bytes: 4 + 4 · rank. */
  readonly headerBytes: number;
  /** Product of the shape. */
  readonly elements: number;
  /** Length of the data in bytes: elements · item size. */
  readonly dataBytes: number;
}

/**
 * Checks the first 4 bytes (magic, type code, rank) and returns the header's full length,
 * 4 + 4 · rank. `prefix` must hold at least 4 bytes.
 */
export function idxHeaderLength(op: string, prefix: Uint8Array, hint?: string): number {
  const [b0 = 0, b1 = 0, code = 0, rank = 0] = prefix;
  const extra = hint === undefined ? {} : { hint };
  if (b0 !== 0 || b1 !== 0) {
    const gzip = b0 === 0x1f && b1 === 0x8b;
    throw new FormatError({
      op,
      arg: 'magic',
      expected: 'an IDX file starting with bytes 0x00 0x00',
      got: `${hex(b0)} ${hex(b1)}${gzip ? ' (gzip data)' : ''}`,
      ...(gzip ? { hint: 'gzip-compressed IDX: use decodeIdx (async) or readIdxFile from @nn/datasets/node' } : extra),
    });
  }
  if (dtypeOfCode(code) === undefined) {
    throw new FormatError({
      op,
      arg: 'type',
      expected: 'an IDX type code 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e',
      got: hex(code),
      ...extra,
    });
  }
  if (rank < 1 || rank > IDX_MAX_RANK) {
    throw new FormatError({ op, arg: 'rank', expected: `a rank of 1 … ${IDX_MAX_RANK}`, got: String(rank), ...extra });
  }
  return 4 + 4 * rank;
}

/**
 * Parses a complete header from `prefix` (which holds at least `idxHeaderLength` bytes), checking
 * that the element count and byte size are exact safe integers. Allocates nothing but the shape.
 */
export function parseIdxHeader(op: string, prefix: Uint8Array, hint?: string): IdxHeader {
  const headerBytes = idxHeaderLength(op, prefix, hint);
  const dtype = dtypeOfCode(prefix[2] ?? 0) as IdxDType;
  const view = new DataView(prefix.buffer, prefix.byteOffset, headerBytes);
  const shape: number[] = [];
  for (let offset = 4; offset < headerBytes; offset += 4) shape.push(view.getUint32(offset, false));
  const size = itemSize(dtype);
  let elements = 1;
  if (!shape.includes(0)) {
    for (const dim of shape) {
      elements *= dim;
      if (elements * size > Number.MAX_SAFE_INTEGER) {
        throw new FormatError({
          op,
          arg: 'shape',
          expected: `dimensions whose product fits in ${Number.MAX_SAFE_INTEGER} bytes of ${dtype}`,
          got: `[${shape.join(', ')}]`,
          ...(hint === undefined ? {} : { hint }),
        });
      }
    }
  } else {
    elements = 0;
  }
  return { dtype, shape, headerBytes, elements, dataBytes: elements * size };
}

function littleEndianHost(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/** Reverses the bytes of every `size`-byte element of `bytes` in place (big ↔ little endian). */
function swapInPlace(bytes: Uint8Array, size: number): void {
  if (size === 1) return;
  for (let i = 0; i < bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = bytes[a] as number;
      bytes[a] = bytes[b] as number;
      bytes[b] = t;
    }
  }
}

/**
 * Turns big-endian element bytes into a typed array of `dtype` in the host's byte order, in place:
 * `bytes` must be a whole ArrayBuffer of exactly `elements · itemSize` bytes, owned by the caller.
 */
export function fromBigEndian<D extends IdxDType>(dtype: D, bytes: Uint8Array): IdxArrays[D] {
  const size = itemSize(dtype);
  if (littleEndianHost()) swapInPlace(bytes, size);
  return new (arrayType(dtype))(bytes.buffer as ArrayBuffer, 0, bytes.length / size) as IdxArrays[D];
}

/** Copies the elements of `data` (a typed array of `dtype`) into `out` as big-endian bytes. */
export function toBigEndian(dtype: IdxDType, data: IdxArrays[IdxDType], out: Uint8Array): void {
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (littleEndianHost()) swapInPlace(out, itemSize(dtype));
}
