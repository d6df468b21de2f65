import type { DType, TypedArray } from '@nn/tensor';
import type { Shape } from '@nn/tensor';

/**
 * What holds one tensor's values on the device: a gpu.js texture (WebGL2, headless GL), a
 * GPU-resident buffer (WebGPU), or a `Float32Array` (WebAssembly and cpu modes, where gpu.js has
 * no device memory). Every dtype is stored as float32: `int32` values are exact within ±2^24,
 * `bool` is 0 or 1.
 */
export type Resident = Float32Array | { toArray(): unknown; delete(): void };

/**
 * The storage handle (`DataId`) of one tensor on the gpu.js backend. Under the async contract
 * (WebGPU) `handle` is a promise of the resident value: kernels queue behind their inputs, and
 * only `read` waits.
 */
export class GpuJsData {
  readonly size: number;
  /** The values on the device; null for an empty tensor. */
  handle: Resident | Promise<Resident> | null = null;
  /** The values on the host, when known (int32 and bool tensors written from the host or read back). */
  host: TypedArray | null = null;
  disposed = false;
  /** Kernels queued (async mode) that still read this tensor: its storage is freed after them. */
  pendingReads = 0;
  /**
   * For an empty result of an index op under the async contract: the index check still pending,
   * whose rejection `read` reports (an empty tensor has no storage to carry it).
   */
  check: Promise<void> | null = null;

  constructor(
    readonly shape: Shape,
    readonly dtype: DType,
  ) {
    this.size = shape.reduce((a, b) => a * b, 1);
  }
}

/** Frees a resident value (a no-op for arrays, which the garbage collector takes). */
export function freeResident(handle: Resident | Promise<Resident> | null): void {
  if (handle === null) return;
  if (handle instanceof Promise) {
    handle.then(freeResident, () => {});
    return;
  }
  if (!(handle instanceof Float32Array)) handle.delete();
}

/** Whether a resident value lives in device memory (a texture or buffer, not a host array). */
export function isDeviceResident(handle: Resident | Promise<Resident> | null): boolean {
  return handle !== null && !(handle instanceof Float32Array);
}

/** Converts float32 storage to a tensor's dtype (int32 values are integral floats, bool 0/1). */
export function toDType(values: Float32Array, dtype: DType, size: number): TypedArray {
  const exact = values.length === size ? values : values.subarray(0, size);
  switch (dtype) {
    case 'float32':
      return exact;
    case 'int32':
      return Int32Array.from(exact, (v) => Math.round(v));
    case 'bool':
      return Uint8Array.from(exact, (v) => (v !== 0 ? 1 : 0));
    default:
      throw new Error(`gpujs storage holds no ${dtype} tensors`);
  }
}
