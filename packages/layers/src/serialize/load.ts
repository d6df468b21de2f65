import type { Tensor } from '@nn/tensor';
import { fromValues } from '@nn/tensor/backend';
import type { StateDict } from '../module/state-dict.js';
import { decodeValues, formatError } from './dtypes.js';
import { asBytes, parseSafetensorsHeader, type SafetensorsHeader } from './header.js';

/** What `loadSafetensors` returns. @category Serialization */
export interface LoadedSafetensors {
  /** The tensors by key, in header order. The caller owns them (dispose them when done). */
  tensors: StateDict;
  /** The header's `__metadata__` strings (`{}` when absent). */
  metadata: Record<string, string>;
}

/**
 * Validates a safetensors file's header without reading the tensors: the 8-byte length (at most
 * 100 MB and within the file), UTF-8 JSON starting with `{` with no duplicate keys, each entry's
 * dtype, shape and data offsets, the byte length of each tensor, and that the tensors cover the
 * data buffer exactly (no overlap, no hole, no trailing bytes).
 *
 * @param bytes - the whole file.
 * @returns the entries in header order, the metadata, and where the data starts.
 * @throws `FormatError` naming the field at fault (`arg`: `'headerLength'`, `'header'`,
 *   `'<name>.dtype'`, `'<name>.shape'`, `'<name>.data_offsets'`, `'__metadata__'`, `'data'`…).
 * @example
 * ```ts
 * const bytes = saveSafetensors({ w: zeros([2, 3]), step: tensor([7], { dtype: 'int32' }) });
 * const header = readSafetensorsHeader(bytes);
 * header.entries.map((e) => [e.name, e.dtype, e.shape]); // [['w', 'F32', [2, 3]], ['step', 'I32', [1]]]
 * header.dataLength;                                       // 28
 * readSafetensorsHeader(bytes.slice(0, 20));               // throws FormatError
 * ```
 * @category Serialization
 */
export function readSafetensorsHeader(bytes: Uint8Array | ArrayBuffer): SafetensorsHeader {
  return parseSafetensorsHeader('readSafetensorsHeader', asBytes('readSafetensorsHeader', bytes));
}

/** Creates the tensors of a validated file; disposes those already made if one fails. */
export function materialize(op: string, bytes: Uint8Array, header: SafetensorsHeader): StateDict {
  const made: [string, Tensor][] = [];
  try {
    for (const entry of header.entries) {
      const [begin] = entry.dataOffsets;
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const values = decodeValues(bytes.subarray(header.dataStart + begin), entry.dtype, count, (p) =>
        formatError(op, entry.name, p.expected, p.got),
      );
      made.push([entry.name, fromValues(values, [...entry.shape], entry.loadsAs)]);
    }
  } catch (error) {
    for (const [, t] of made) t.dispose();
    throw error;
  }
  return Object.fromEntries(made);
}

/**
 * Reads a safetensors file from its bytes, validating everything first (see
 * `readSafetensorsHeader`) and then every value (BOOL bytes are 0 or 1; converted integers fit
 * int32). `F32`, `F64`, `I32` and `BOOL` tensors load bit for bit; `F16`, `BF16`, `F8_E4M3` and
 * `F8_E5M2` load as float32 (exactly); `I64`, `U64`, `U32`, `I16`, `U16`, `I8` and `U8` load as
 * int32 (PyTorch's `num_batches_tracked` is I64). Any malformed input is a `FormatError`,
 * never another error, and nothing is allocated beyond the file's own size.
 *
 * Load a model with `model.loadStateDict(loadSafetensors(bytes).tensors)`: it checks every key and
 * shape and copies the values, so the loaded tensors can be disposed afterwards.
 *
 * @param bytes - the whole file (a `Uint8Array`, e.g. a Node `Buffer` or a `fetch` body, or an `ArrayBuffer`).
 * @returns the tensors by key in header order and the metadata.
 * @throws `FormatError` naming the field at fault; `ArgumentError` if `bytes` is not bytes.
 * @example
 * ```ts
 * const bytes = saveSafetensors({ 'fc.weight': tensor([[1, 2]]), 'fc.bias': tensor([0.5]) });
 * const { tensors, metadata } = loadSafetensors(bytes);
 * Object.keys(tensors);              // ['fc.weight', 'fc.bias']
 * tensors['fc.weight']!.toArray();   // [[1, 2]]
 * metadata;                          // {}
 * loadSafetensors(new Uint8Array(4)); // throws FormatError
 * ```
 * @category Serialization
 */
export function loadSafetensors(bytes: Uint8Array | ArrayBuffer): LoadedSafetensors {
  const op = 'loadSafetensors';
  const view = asBytes(op, bytes);
  const header = parseSafetensorsHeader(op, view);
  return { tensors: materialize(op, view, header), metadata: header.metadata };
}
