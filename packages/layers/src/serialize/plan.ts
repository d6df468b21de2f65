import { ArgumentError, Tensor } from '@nn/tensor';
import type { StateDict } from '../module/state-dict.js';
import { itemSize, SAVE_DTYPE, type SafetensorsDType } from './dtypes.js';
import { MAX_HEADER_LENGTH } from './header.js';

/** Options of `saveSafetensors` and `saveSafetensorsFile`. @category Serialization */
export interface SaveSafetensorsOptions {
  /**
   * Strings stored in the header's `__metadata__` (e.g. `{ format: 'pt' }`, a version, a
   * description); `loadSafetensors` returns them. Omitted from the file when empty.
   */
  metadata?: Record<string, string>;
}

/** One tensor of a file about to be written. */
export interface PlannedTensor {
  readonly name: string;
  readonly tensor: Tensor;
  readonly dtype: SafetensorsDType;
  readonly begin: number;
  readonly end: number;
}

/** A checked state dict laid out as a safetensors file: the prefix (length + header) and the tensors in data order. */
export interface SafetensorsPlan {
  /** The 8-byte length and the space-padded header; its length is a multiple of 8. */
  readonly prefix: Uint8Array;
  /** The tensors in the order their bytes follow the header. */
  readonly tensors: readonly PlannedTensor[];
  /** Bytes of tensor data after the prefix. */
  readonly dataLength: number;
}

function checkMetadata(op: string, metadata: unknown): [string, string][] {
  if (metadata === undefined) return [];
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ArgumentError({ op, arg: 'options.metadata', expected: 'an object of strings', got: String(metadata) });
  }
  return Object.entries(metadata).map(([key, value]) => {
    if (typeof value !== 'string') {
      throw new ArgumentError({ op, arg: `options.metadata.${key}`, expected: 'a string', got: typeof value });
    }
    return [key, value];
  });
}

/**
 * Checks `state` (every value a live Tensor, no key `__metadata__`) and the metadata, and lays
 * the file out. The header lists the tensors in the state's key order; their bytes are stored
 * largest element size first (float64, then float32 and int32, then bool), keeping the key order
 * within a size, so that every tensor starts at a multiple of its element size.
 */
export function planSafetensors(op: string, state: StateDict, options: SaveSafetensorsOptions = {}): SafetensorsPlan {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) {
    throw new ArgumentError({ op, arg: 'state', expected: 'an object of tensors by key', got: String(state) });
  }
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError({ op, arg: 'options', expected: 'an options object', got: String(options) });
  }
  const metadata = checkMetadata(op, options.metadata);
  const named = Object.keys(state).map((name) => {
    const tensor: unknown = state[name];
    if (name === '__metadata__') {
      throw new ArgumentError({
        op,
        arg: name,
        expected: 'a key other than "__metadata__" (reserved by the format)',
        got: name,
      });
    }
    if (!(tensor instanceof Tensor)) {
      throw new ArgumentError({ op, arg: name, expected: 'a Tensor', got: tensor === null ? 'null' : typeof tensor });
    }
    tensor.assertAlive(op, name);
    const dtype = SAVE_DTYPE[tensor.dtype];
    return { name, tensor, dtype, byteLength: tensor.size * itemSize(dtype) };
  });
  const dataOrder = [...named].sort((a, b) => itemSize(b.dtype) - itemSize(a.dtype));
  let offset = 0;
  const placed = new Map<string, PlannedTensor>();
  for (const t of dataOrder) {
    placed.set(t.name, { name: t.name, tensor: t.tensor, dtype: t.dtype, begin: offset, end: offset + t.byteLength });
    offset += t.byteLength;
  }
  const parts: string[] = [];
  if (metadata.length > 0) {
    const body = metadata.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',');
    parts.push(`"__metadata__":{${body}}`);
  }
  for (const { name } of named) {
    const p = placed.get(name)!;
    parts.push(
      `${JSON.stringify(name)}:{"dtype":"${p.dtype}","shape":[${p.tensor.shape.join(',')}],"data_offsets":[${p.begin},${p.end}]}`,
    );
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;
  if (headerLength > MAX_HEADER_LENGTH) {
    throw new ArgumentError({
      op,
      arg: 'state',
      expected: `a header of at most ${MAX_HEADER_LENGTH} bytes (readers reject longer ones)`,
      got: `${headerLength} bytes of keys, shapes and metadata`,
    });
  }
  const prefix = new Uint8Array(8 + headerLength).fill(0x20, 8 + json.length);
  const view = new DataView(prefix.buffer);
  view.setUint32(0, headerLength, true);
  view.setUint32(4, 0, true);
  prefix.set(json, 8);
  return { prefix, tensors: dataOrder.map((t) => placed.get(t.name)!), dataLength: offset };
}
