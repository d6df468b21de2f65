import { FormatError, type DType, type TypedArray } from '@nn/tensor';

/**
 * The safetensors dtypes this reader understands. `F32`, `F64`, `I32` and `BOOL` load as they
 * are; the others are converted on load: `F16`, `BF16`, `F8_E4M3`, `F8_E5M2` to `float32`
 * (exactly: every value of these types is a float32), and `I64`, `U64`, `U32`, `I16`, `U16`,
 * `I8`, `U8` to `int32` (an error names the tensor if a value does not fit).
 * @category Serialization
 */
export type SafetensorsDType =
  | 'F64'
  | 'F32'
  | 'F16'
  | 'BF16'
  | 'F8_E4M3'
  | 'F8_E5M2'
  | 'I64'
  | 'U64'
  | 'I32'
  | 'U32'
  | 'I16'
  | 'U16'
  | 'I8'
  | 'U8'
  | 'BOOL';

interface DTypeInfo {
  /** Bytes per element. */
  readonly size: number;
  /** The `@nn` dtype the tensor loads as. */
  readonly loadsAs: DType;
}

const INFO: Readonly<Record<SafetensorsDType, DTypeInfo>> = {
  F64: { size: 8, loadsAs: 'float64' },
  F32: { size: 4, loadsAs: 'float32' },
  F16: { size: 2, loadsAs: 'float32' },
  BF16: { size: 2, loadsAs: 'float32' },
  F8_E4M3: { size: 1, loadsAs: 'float32' },
  F8_E5M2: { size: 1, loadsAs: 'float32' },
  I64: { size: 8, loadsAs: 'int32' },
  U64: { size: 8, loadsAs: 'int32' },
  I32: { size: 4, loadsAs: 'int32' },
  U32: { size: 4, loadsAs: 'int32' },
  I16: { size: 2, loadsAs: 'int32' },
  U16: { size: 2, loadsAs: 'int32' },
  I8: { size: 1, loadsAs: 'int32' },
  U8: { size: 1, loadsAs: 'int32' },
  BOOL: { size: 1, loadsAs: 'bool' },
};

/** Every dtype the reader accepts, for error messages. */
export const SAFETENSORS_DTYPES = Object.keys(INFO) as SafetensorsDType[];

/** The safetensors dtype `saveSafetensors` writes for each `@nn` dtype. */
export const SAVE_DTYPE: Readonly<Record<DType, SafetensorsDType>> = {
  float64: 'F64',
  float32: 'F32',
  int32: 'I32',
  bool: 'BOOL',
};

/** True when `name` is a dtype the reader accepts. */
export function isSafetensorsDType(name: string): name is SafetensorsDType {
  return Object.hasOwn(INFO, name);
}

/** Bytes per element of `dtype`. */
export function itemSize(dtype: SafetensorsDType): number {
  return INFO[dtype].size;
}

/** The `@nn` dtype a tensor of `dtype` loads as. */
export function loadsAs(dtype: SafetensorsDType): DType {
  return INFO[dtype].loadsAs;
}

/** Whether this machine stores typed-array elements little-endian (every browser and Node in practice). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses the bytes of each `size`-byte element of `bytes` in place (for big-endian machines). */
export function swapBytes(bytes: Uint8Array, size: number): void {
  if (size === 1) return;
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
}

/** float32 bits of an IEEE half: exact, NaN payloads kept (shifted into the float32 mantissa). */
function halfToFloatBits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exp = (h >> 10) & 0x1f;
  let mant = h & 0x3ff;
  if (exp === 0x1f) return (sign | 0x7f800000 | (mant << 13)) >>> 0;
  if (exp !== 0) return (sign | ((exp + 112) << 23) | (mant << 13)) >>> 0;
  if (mant === 0) return sign >>> 0;
  // Subnormal half: mant·2⁻²⁴, a normal float32. Shift until the leading bit reaches bit 10.
  let e = -14;
  while ((mant & 0x400) === 0) {
    mant <<= 1;
    e--;
  }
  return (sign | ((e + 127) << 23) | ((mant & 0x3ff) << 13)) >>> 0;
}

/** Value of an FP8 E4M3 ("fn": no infinities, NaN = S.1111.111) byte. */
function e4m3ToFloat(b: number): number {
  const sign = b & 0x80 ? -1 : 1;
  const exp = (b >> 3) & 0xf;
  const mant = b & 0x7;
  if (exp === 0xf && mant === 0x7) return NaN;
  if (exp === 0) return sign * mant * 2 ** -9;
  return sign * (1 + mant / 8) * 2 ** (exp - 7);
}

/** What a tensor's bytes must satisfy besides their length; thrown as a FormatError by the caller. */
export interface ValueProblem {
  readonly expected: string;
  readonly got: string;
}

/**
 * Decodes `count` elements of `dtype` from `bytes` (little-endian, any alignment) into a fresh
 * storage array of the dtype the tensor loads as. Throws a FormatError (via `fail`) for a BOOL
 * byte other than 0/1 or an integer outside int32.
 */
export function decodeValues(
  bytes: Uint8Array,
  dtype: SafetensorsDType,
  count: number,
  fail: (problem: ValueProblem) => never,
): TypedArray {
  const size = INFO[dtype].size;
  if (dtype === 'F32' || dtype === 'F64' || dtype === 'I32' || dtype === 'BOOL') {
    // Copy the bytes as they are (NaN payloads and −0 survive), then view them.
    const raw = new Uint8Array(count * size);
    raw.set(bytes.subarray(0, count * size));
    if (!LITTLE_ENDIAN) swapBytes(raw, size);
    if (dtype === 'BOOL') {
      const bad = raw.findIndex((v) => v > 1);
      if (bad >= 0) fail({ expected: 'BOOL bytes 0 or 1', got: `byte ${raw[bad]} at element ${bad}` });
      return raw;
    }
    if (dtype === 'F32') return new Float32Array(raw.buffer);
    if (dtype === 'F64') return new Float64Array(raw.buffer);
    return new Int32Array(raw.buffer);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * size);
  if (dtype === 'F16' || dtype === 'BF16' || dtype === 'F8_E5M2') {
    const out = new Float32Array(count);
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) {
      if (dtype === 'BF16') bits[i] = (view.getUint16(2 * i, true) << 16) >>> 0;
      else if (dtype === 'F16') bits[i] = halfToFloatBits(view.getUint16(2 * i, true));
      else bits[i] = halfToFloatBits(view.getUint8(i) << 8); // E5M2 is the top byte of a half
    }
    return out;
  }
  if (dtype === 'F8_E4M3') return Float32Array.from(bytes.subarray(0, count), e4m3ToFloat);
  const out = new Int32Array(count);
  const outOfRange = (i: number, value: string): never =>
    fail({ expected: `${dtype} values within int32 [-2147483648, 2147483647]`, got: `${value} at element ${i}` });
  for (let i = 0; i < count; i++) {
    switch (dtype) {
      case 'I64':
      case 'U64': {
        const lo = view.getInt32(8 * i, true);
        const hi = view.getInt32(8 * i + 4, true);
        // In range when the high word is the sign extension of the low word (I64), or 0 with a
        // non-negative low word (U64).
        if (dtype === 'I64' ? hi !== lo >> 31 : hi !== 0 || lo < 0) {
          const big = dtype === 'I64' ? view.getBigInt64(8 * i, true) : view.getBigUint64(8 * i, true);
          outOfRange(i, String(big));
        }
        out[i] = lo;
        break;
      }
      case 'U32': {
        const v = view.getUint32(4 * i, true);
        if (v > 0x7fffffff) outOfRange(i, String(v));
        out[i] = v;
        break;
      }
      case 'I16':
        out[i] = view.getInt16(2 * i, true);
        break;
      case 'U16':
        out[i] = view.getUint16(2 * i, true);
        break;
      case 'I8':
        out[i] = view.getInt8(i);
        break;
      default:
        out[i] = view.getUint8(i);
    }
  }
  return out;
}

/** The little-endian bytes of a storage array (a view on little-endian machines, a swapped copy otherwise). */
export function encodeValues(values: TypedArray): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (LITTLE_ENDIAN || values.BYTES_PER_ELEMENT === 1) return bytes;
  const copy = bytes.slice();
  swapBytes(copy, values.BYTES_PER_ELEMENT);
  return copy;
}

/** Throws a FormatError; the shared shape of every reader error. */
export function formatError(op: string, arg: string, expected: string, got: string): never {
  throw new FormatError({ op, arg, expected, got });
}
