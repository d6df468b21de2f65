import { ArgumentError, ShapeError } from '@nn/tensor';
import { arrayType, IDX_DTYPES, IDX_MAX_RANK, isIdxDType, itemSize, toBigEndian, typeCode } from './format.js';
import type { IdxArrays, IdxDType, IdxInput } from './types.js';

const INT_RANGES: Partial<Record<IdxDType, readonly [number, number]>> = {
  uint8: [0, 255],
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
};

function checkShape(op: string, shape: unknown): number[] {
  const ok =
    Array.isArray(shape) &&
    shape.length >= 1 &&
    shape.length <= IDX_MAX_RANK &&
    Array.from(shape, (d: unknown) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 0xffffffff).every(
      Boolean,
    );
  if (!ok) {
    throw new ArgumentError({
      op,
      arg: 'shape',
      expected: `an array of 1 … ${IDX_MAX_RANK} integers in 0 … 4294967295`,
      got: Array.isArray(shape) ? `[${shape.join(', ')}]` : String(shape),
    });
  }
  return shape as number[];
}

/** `data` as a typed array of `dtype`: the same array when it already is one, else a checked copy. */
function typedData(op: string, dtype: IdxDType, data: ArrayLike<number>): IdxArrays[IdxDType] {
  const Type = arrayType(dtype);
  if (data instanceof Type) return data;
  const range = INT_RANGES[dtype];
  if (range !== undefined) {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < range[0] || v > range[1]) {
        throw new ArgumentError({
          op,
          arg: 'data',
          expected: `integers in ${range[0]} … ${range[1]} for ${dtype}`,
          got: `${String(v)} at index ${i}`,
        });
      }
    }
  } else {
    for (let i = 0; i < data.length; i++) {
      if (typeof data[i] !== 'number') {
        throw new ArgumentError({ op, arg: 'data', expected: 'numbers', got: `${typeof data[i]} at index ${i}` });
      }
    }
  }
  const out = new Type(new ArrayBuffer(data.length * itemSize(dtype)));
  for (let i = 0; i < data.length; i++) out[i] = data[i] as number;
  return out;
}

/**
 * Encodes an array as an IDX file (uncompressed): two zero bytes, the dtype's type code, the
 * rank, the dimensions as big-endian uint32, then the elements big-endian. Float elements are
 * copied bit for bit (NaN payloads included), so `readIdx(writeIdx(x))` gives `x` back exactly.
 * Gzip the result with `CompressionStream('gzip')`, or use `writeIdxFile` from
 * `@nn/datasets/node` with `{ gzip: true }`.
 *
 * @param idx - `{ dtype, shape, data }`: `data` holds `product(shape)` elements, row-major, as
 *   the dtype's typed array or any array-like of numbers.
 * @returns the file's bytes.
 * @throws `ArgumentError` for an unknown dtype, a shape that IDX cannot hold (rank 1 … 32,
 *   dimensions 0 … 2³² − 1), or an integer element out of the dtype's range (or not an
 *   integer); `ShapeError` if `data.length` is not the product of `shape`.
 * @example
 * ```ts
 * const bytes = writeIdx({ dtype: 'uint8', shape: [2, 2], data: [0, 128, 255, 7] });
 * bytes.length; // 16 (4 + 2 · 4 header bytes, 4 data bytes)
 * Array.from(bytes.subarray(0, 4)); // [0, 0, 8, 2]
 * readIdx(bytes).data; // Uint8Array [0, 128, 255, 7]
 * writeIdx({ dtype: 'float32', shape: [2], data: new Float32Array([1.5, -2]) }).length; // 16
 * writeIdx({ dtype: 'uint8', shape: [2], data: [1, 256] }); // throws ArgumentError
 * writeIdx({ dtype: 'uint8', shape: [3], data: [1, 2] }); // throws ShapeError
 * ```
 * @category IDX
 */
export function writeIdx(idx: IdxInput): Uint8Array {
  const op = 'writeIdx';
  if (typeof idx !== 'object' || idx === null) {
    throw new ArgumentError({ op, arg: 'idx', expected: 'an object { dtype, shape, data }', got: String(idx) });
  }
  const { dtype } = idx;
  if (!isIdxDType(dtype)) {
    throw new ArgumentError({ op, arg: 'dtype', expected: `one of ${IDX_DTYPES.join(', ')}`, got: String(dtype) });
  }
  const shape = checkShape(op, idx.shape);
  const elements = shape.reduce((a, b) => a * b, 1);
  const { data } = idx;
  if (typeof data !== 'object' || data === null || typeof data.length !== 'number') {
    throw new ArgumentError({ op, arg: 'data', expected: 'a typed array or an array of numbers', got: String(data) });
  }
  if (data.length !== elements) {
    throw new ShapeError({
      op,
      arg: 'data',
      expected: `${elements} elements for shape [${shape.join(', ')}]`,
      got: `${data.length}`,
    });
  }
  const values = typedData(op, dtype, data);
  const headerBytes = 4 + 4 * shape.length;
  const out = new Uint8Array(headerBytes + values.byteLength);
  out[2] = typeCode(dtype);
  out[3] = shape.length;
  const view = new DataView(out.buffer);
  shape.forEach((dim, i) => view.setUint32(4 + 4 * i, dim, false));
  toBigEndian(dtype, values, out.subarray(headerBytes));
  return out;
}
