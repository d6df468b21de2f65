import { ArgumentError, type DType } from '@nn/tensor';
import {
  formatError,
  isSafetensorsDType,
  itemSize,
  loadsAs,
  SAFETENSORS_DTYPES,
  type SafetensorsDType,
} from './dtypes.js';
import { JsonNumber, parseJson, type JsonObject, type JsonValue } from './json.js';

/**
 * One tensor as a safetensors header describes it.
 * @category Serialization
 */
export interface SafetensorsEntry {
  /** The tensor's key (`'0.weight'`). */
  readonly name: string;
  /** Its element type in the file. */
  readonly dtype: SafetensorsDType;
  /** The `@nn` dtype it loads as (`F16` → `'float32'`, `I64` → `'int32'`, …). */
  readonly loadsAs: DType;
  /** Size of each dimension. */
  readonly shape: readonly number[];
  /** Byte range `[begin, end)` in the data buffer (which starts at `dataStart` in the file). */
  readonly dataOffsets: readonly [number, number];
}

/**
 * The validated header of a safetensors file: every tensor entry (in header order) and the
 * `__metadata__` strings.
 * @category Serialization
 */
export interface SafetensorsHeader {
  /** The tensors in the order the header lists them. */
  readonly entries: readonly SafetensorsEntry[];
  /** The `__metadata__` object (`{}` when absent). */
  readonly metadata: Record<string, string>;
  /** Where the data buffer starts in the file: 8 + the header length. */
  readonly dataStart: number;
  /** Length of the data buffer in bytes. */
  readonly dataLength: number;
}

/** Largest header accepted, in bytes (the reference implementation's limit). */
export const MAX_HEADER_LENGTH = 100_000_000;
/** Most dimensions a tensor may have. */
export const MAX_RANK = 64;
const ENTRY_FIELDS = ['dtype', 'shape', 'data_offsets'] as const;
const UINT = /^(?:0|[1-9][0-9]*)$/;

/** Views `bytes` (Uint8Array, ArrayBuffer or another ArrayBufferView) as a Uint8Array, without copying. */
export function asBytes(op: string, bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (
    bytes instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && bytes instanceof SharedArrayBuffer)
  ) {
    return new Uint8Array(bytes);
  }
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const got =
    bytes === null ? 'null' : typeof bytes === 'object' ? (bytes.constructor?.name ?? 'object') : typeof bytes;
  throw new ArgumentError({ op, arg: 'bytes', expected: 'a Uint8Array or ArrayBuffer', got });
}

function describe(value: JsonValue): string {
  if (value === null) return 'null';
  if (value instanceof JsonNumber) return `the number ${value.text}`;
  if (value instanceof Map) return 'an object';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return String(value);
}

/** A non-negative integer written as digits and at most 2⁵³ − 1, or undefined. */
function safeUint(value: JsonValue): number | undefined {
  if (!(value instanceof JsonNumber) || !UINT.test(value.text)) return undefined;
  const n = Number(value.text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The header length from the first 8 bytes, checked against the file length and the limit. */
function readHeaderLength(op: string, bytes: Uint8Array, fileLength: number): number {
  if (bytes.length < 8) {
    formatError(op, 'bytes', 'at least 8 bytes (the header length)', `${bytes.length} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const lo = view.getUint32(0, true);
  const hi = view.getUint32(4, true);
  const length = hi * 2 ** 32 + lo;
  if (length > MAX_HEADER_LENGTH) {
    formatError(op, 'headerLength', `a header length of at most ${MAX_HEADER_LENGTH} bytes`, String(length));
  }
  if (length > fileLength - 8) {
    formatError(op, 'headerLength', `at most ${fileLength - 8} (the bytes after the length)`, String(length));
  }
  return length;
}

/** Decodes and parses the header JSON into its top-level object. */
function parseHeaderJson(op: string, raw: Uint8Array): JsonObject {
  if (raw.length === 0 || raw[0] !== 0x7b) {
    const got = raw.length === 0 ? 'an empty header' : `byte 0x${raw[0]!.toString(16).padStart(2, '0')}`;
    formatError(op, 'header', 'a JSON object starting with "{"', got);
  }
  let text: string;
  try {
    // fatal: invalid UTF-8 throws; ignoreBOM: keep (and so reject) a byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    return formatError(op, 'header', 'valid UTF-8 text', 'bytes that are not UTF-8');
  }
  const top = parseJson(text, (expected, got) => formatError(op, 'header', expected, got));
  if (!(top instanceof Map)) formatError(op, 'header', 'a JSON object', describe(top));
  return top;
}

function readMetadata(op: string, value: JsonValue): Record<string, string> {
  if (!(value instanceof Map)) formatError(op, '__metadata__', 'an object of strings', describe(value));
  const pairs: [string, string][] = [];
  for (const [key, v] of value) {
    if (typeof v !== 'string') formatError(op, `__metadata__.${key}`, 'a string', describe(v));
    pairs.push([key, v]);
  }
  return Object.fromEntries(pairs);
}

function readEntry(op: string, name: string, value: JsonValue, dataLength: number): SafetensorsEntry {
  if (!(value instanceof Map)) formatError(op, name, 'a tensor entry { dtype, shape, data_offsets }', describe(value));
  for (const field of value.keys()) {
    if (!(ENTRY_FIELDS as readonly string[]).includes(field)) {
      formatError(
        op,
        `${name}.${field}`,
        'only the fields dtype, shape, data_offsets',
        `an unknown field ${JSON.stringify(field)}`,
      );
    }
  }
  for (const field of ENTRY_FIELDS) {
    if (!value.has(field)) formatError(op, `${name}.${field}`, `a "${field}" field`, 'none');
  }
  const dtype = value.get('dtype')!;
  if (typeof dtype !== 'string' || !isSafetensorsDType(dtype)) {
    formatError(op, `${name}.dtype`, `one of ${SAFETENSORS_DTYPES.join(', ')}`, describe(dtype));
  }
  const shapeValue = value.get('shape')!;
  if (!Array.isArray(shapeValue)) formatError(op, `${name}.shape`, 'an array of dimensions', describe(shapeValue));
  if (shapeValue.length > MAX_RANK) {
    formatError(op, `${name}.shape`, `at most ${MAX_RANK} dimensions`, `${shapeValue.length} dimensions`);
  }
  const shape = shapeValue.map((d, i) => {
    const n = safeUint(d);
    if (n === undefined)
      formatError(op, `${name}.shape`, 'non-negative integers (at most 2^53 - 1)', `${describe(d)} at index ${i}`);
    return n;
  });
  const offsetsValue = value.get('data_offsets')!;
  if (!Array.isArray(offsetsValue) || offsetsValue.length !== 2) {
    formatError(op, `${name}.data_offsets`, 'two byte offsets [begin, end]', describe(offsetsValue));
  }
  const [begin, end] = offsetsValue.map(safeUint);
  if (begin === undefined || end === undefined) {
    formatError(op, `${name}.data_offsets`, 'non-negative integer offsets', offsetsValue.map(describe).join(', '));
  }
  if (begin > end) formatError(op, `${name}.data_offsets`, 'begin ≤ end', `[${begin}, ${end}]`);
  if (end > dataLength) {
    formatError(
      op,
      `${name}.data_offsets`,
      `offsets within the data buffer of ${dataLength} bytes`,
      `[${begin}, ${end}]`,
    );
  }
  // Byte count, exact while it is a safe integer; beyond that it cannot match any offsets.
  const size = itemSize(dtype);
  let byteLength = shape.includes(0) ? 0 : size;
  for (const d of shape) {
    byteLength *= d;
    if (byteLength > Number.MAX_SAFE_INTEGER) break;
  }
  if (byteLength !== end - begin) {
    const count = byteLength > Number.MAX_SAFE_INTEGER ? 'more than 2^53 - 1 bytes' : `${byteLength} bytes`;
    formatError(
      op,
      `${name}.data_offsets`,
      `${count} (shape [${shape.join(', ')}] of ${dtype}, ${size} bytes each)`,
      `${end - begin} bytes ([${begin}, ${end}])`,
    );
  }
  return { name, dtype, loadsAs: loadsAs(dtype), shape, dataOffsets: [begin, end] };
}

/** Checks that the entries tile the data buffer exactly: no overlap, no hole, nothing after. */
function checkCoverage(op: string, entries: readonly SafetensorsEntry[], dataLength: number): void {
  const sorted = [...entries].sort(
    (a, b) => a.dataOffsets[0] - b.dataOffsets[0] || a.dataOffsets[1] - b.dataOffsets[1],
  );
  let cursor = 0;
  let previous: SafetensorsEntry | undefined;
  for (const entry of sorted) {
    const [begin, end] = entry.dataOffsets;
    if (begin < cursor) {
      const other =
        previous === undefined ? '' : ` of ${JSON.stringify(previous.name)} [${previous.dataOffsets.join(', ')}]`;
      formatError(
        op,
        `${entry.name}.data_offsets`,
        'a byte range no other tensor uses',
        `[${begin}, ${end}], overlapping the bytes${other}`,
      );
    }
    if (begin > cursor) {
      formatError(
        op,
        `${entry.name}.data_offsets`,
        `to start at byte ${cursor} (tensors must cover the buffer without holes)`,
        `[${begin}, ${end}]: bytes [${cursor}, ${begin}) belong to no tensor`,
      );
    }
    cursor = end;
    previous = entry;
  }
  if (cursor !== dataLength) {
    formatError(
      op,
      'data',
      `the tensors to cover all ${dataLength} bytes of the data buffer`,
      `${dataLength - cursor} bytes after the last tensor`,
    );
  }
}

/**
 * Parses and validates the header of a safetensors file. `bytes` holds at least the length and
 * the header; `fileLength` is the length of the whole file (`bytes.length` when `bytes` is the file).
 */
export function parseSafetensorsHeader(op: string, bytes: Uint8Array, fileLength = bytes.length): SafetensorsHeader {
  const headerLength = readHeaderLength(op, bytes, fileLength);
  if (bytes.length < 8 + headerLength) {
    formatError(op, 'bytes', `at least ${8 + headerLength} bytes (the length and the header)`, `${bytes.length} bytes`);
  }
  // Copy the header out: TextDecoder refuses views on shared memory.
  const top = parseHeaderJson(op, bytes.slice(8, 8 + headerLength));
  const dataStart = 8 + headerLength;
  const dataLength = fileLength - dataStart;
  const entries: SafetensorsEntry[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, value] of top) {
    if (name === '__metadata__') metadata = readMetadata(op, value);
    else entries.push(readEntry(op, name, value, dataLength));
  }
  checkCoverage(op, entries, dataLength);
  return { entries, metadata, dataStart, dataLength };
}
