import { ArgumentError } from '@nn/tensor';

/** Views `bytes` (a Uint8Array, an ArrayBuffer or another ArrayBufferView) as a Uint8Array, without copying. */
export function asBytes(op: string, bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const got =
    bytes === null ? 'null' : typeof bytes === 'object' ? (bytes.constructor?.name ?? 'object') : typeof bytes;
  throw new ArgumentError({ op, arg: 'bytes', expected: 'a Uint8Array or ArrayBuffer', got });
}
