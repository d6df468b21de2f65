import { IdxAssembler } from './assembler.js';
import { asBytes } from './bytes.js';
import type { Idx } from './types.js';

/** Parses raw IDX bytes for `op`; the FormatErrors it throws carry `hint` when given. */
export function parseIdx(op: string, bytes: Uint8Array, hint?: string): Idx {
  const assembler = new IdxAssembler(op, {
    maxBytes: Number.POSITIVE_INFINITY,
    totalBytes: bytes.length,
    ...(hint === undefined ? {} : { hint }),
  });
  assembler.push(bytes);
  return assembler.finish();
}

/**
 * Reads an uncompressed IDX file (the format of MNIST's `*-idx3-ubyte` files): two zero bytes, a
 * type code (`0x08` uint8, `0x09` int8, `0x0B` int16, `0x0C` int32, `0x0D` float32, `0x0E`
 * float64), the rank, one big-endian uint32 per dimension, then the elements, big-endian.
 * Strict: the header is checked in full and the data length compared with the shape before
 * anything is allocated, so a header claiming 10⁹ elements costs nothing. The elements are
 * copied into a new typed array in the host's byte order (`bytes` is not kept).
 *
 * Synchronous, so gzip input is refused: use `decodeIdx` (async, inflates `.gz`) or
 * `readIdxFile` from `@nn/datasets/node`.
 *
 * @param bytes - the whole file.
 * @returns `{ dtype, shape, data }`: `data.length` is the product of `shape`.
 * @throws `FormatError` whose `arg` names the field at fault: `'magic'` (the first two bytes are
 *   not zero; gzip data is named in the message), `'type'` (unknown type code), `'rank'` (0 or
 *   above 32), `'header'` (the bytes end inside the header), `'shape'` (the element count or byte
 *   size is not a safe integer), `'data'` (fewer or more data bytes than the shape needs);
 *   `ArgumentError` if `bytes` is not a Uint8Array or ArrayBuffer.
 * @example
 * ```ts
 * const bytes = new Uint8Array([0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
 * const idx = readIdx(bytes);
 * idx.dtype; // 'uint8'
 * idx.shape; // [2, 3]
 * idx.data;  // Uint8Array [1, 2, 3, 4, 5, 6]
 * readIdx(bytes.subarray(0, 17)); // throws FormatError (arg 'data': truncated)
 * readIdx(new Uint8Array([0x1f, 0x8b, 8, 0])); // throws FormatError (gzip: use decodeIdx)
 * ```
 * @category IDX
 */
export function readIdx(bytes: Uint8Array): Idx {
  return parseIdx('readIdx', asBytes('readIdx', bytes));
}
