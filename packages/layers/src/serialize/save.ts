import { BackendError, type TypedArray } from '@nn/tensor';
import type { StateDict } from '../module/state-dict.js';
import { encodeValues } from './dtypes.js';
import { planSafetensors, type PlannedTensor, type SaveSafetensorsOptions } from './plan.js';

/** Checks that a tensor's storage holds the bytes the header promised (guards against a misbehaving backend). */
export function checkedBytes(op: string, planned: PlannedTensor, values: TypedArray): Uint8Array {
  const bytes = encodeValues(values);
  if (bytes.length !== planned.end - planned.begin) {
    throw new BackendError({
      op,
      arg: planned.name,
      expected: `${planned.end - planned.begin} bytes of data`,
      got: `${bytes.length} bytes from the backend`,
    });
  }
  return bytes;
}

/**
 * Serializes a state dict to safetensors bytes: an 8-byte little-endian header length, a JSON
 * header (`dtype`, `shape`, `data_offsets` per tensor, plus `__metadata__`), padded with spaces
 * to a multiple of 8 bytes, then the tensors' little-endian bytes. The file loads in PyTorch
 * (`safetensors.torch.load_file`) and in `loadSafetensors`, bit for bit (NaN payloads, −0).
 *
 * Dtypes are written as they are: float32 → `F32`, float64 → `F64`, int32 → `I32`, bool →
 * `BOOL`. The header lists the tensors in the key order of `state`; in the data buffer they are
 * stored by element size (8-byte, then 4-byte, then 1-byte dtypes; key order within a size) so
 * each starts aligned. Reads tensors synchronously (`dataSync`); on a backend without
 * synchronous reads use `saveSafetensorsFile` from `@nn/layers/node`, which awaits `data()`.
 *
 * To save a model: `saveSafetensors(model.stateDict())`; to load it back:
 * `model.loadStateDict(loadSafetensors(bytes).tensors)`.
 *
 * @param state - tensors by key, e.g. `model.stateDict()`.
 * @param options - `metadata`: strings stored in the header's `__metadata__`.
 * @returns the file's bytes.
 * @throws `ArgumentError` if a value is not a Tensor, a key is `__metadata__`, or a
 *   metadata value is not a string; `DisposedTensorError` for a disposed tensor.
 * @example
 * ```ts
 * const model = new Linear(3, 2);
 * const bytes = saveSafetensors(model.stateDict(), { metadata: { format: 'pt' } });
 * bytes.length % 8;                                   // 0
 * const copy = new Linear(3, 2);
 * copy.loadStateDict(loadSafetensors(bytes).tensors);
 * copy.weight.value.toArray().flat().join() === model.weight.value.toArray().flat().join(); // true
 * loadSafetensors(bytes).metadata;                    // { format: 'pt' }
 * saveSafetensors({ w: tensor([1, -0, NaN]) }).length; // 76 (8 + a 56-byte header + 12)
 * ```
 * @category Serialization
 */
export function saveSafetensors(state: StateDict, options: SaveSafetensorsOptions = {}): Uint8Array {
  const op = 'saveSafetensors';
  const plan = planSafetensors(op, state, options);
  const out = new Uint8Array(plan.prefix.length + plan.dataLength);
  out.set(plan.prefix, 0);
  for (const planned of plan.tensors) {
    out.set(checkedBytes(op, planned, planned.tensor.dataSync()), plan.prefix.length + planned.begin);
  }
  return out;
}
