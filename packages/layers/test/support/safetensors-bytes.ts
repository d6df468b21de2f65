// Hand-built safetensors files for the serialization tests: an 8-byte little-endian header length,
// the JSON header, then the data.

/** A file from raw header bytes or text and data, with the length field taken from the header unless given. */
export function rawSafetensors(
  header: string | Uint8Array,
  data: ArrayLike<number> = [],
  length?: number | bigint,
): Uint8Array {
  const json = typeof header === 'string' ? new TextEncoder().encode(header) : header;
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(length ?? json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

/** A file from a header object (serialised with `JSON.stringify`) or header text, and data. */
export function safetensorsFile(header: unknown, data: ArrayLike<number> = []): Uint8Array {
  return rawSafetensors(typeof header === 'string' ? header : JSON.stringify(header), data);
}
