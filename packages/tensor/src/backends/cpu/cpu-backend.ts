import type { DType, DTypeArrays, TypedArray } from '../../dtype.js';
import { allocate } from '../../dtype.js';
import { BackendError } from '../../errors.js';
import type { Backend, BackendCapabilities, DataId, KernelTable, TensorInfo } from '../../kernels/op-specs.js';
import type { Shape } from '../../shape.js';
import { cpuKernels } from './kernels/index.js';

/** Disposed arrays at least this long are kept for reuse (smaller ones are cheap to allocate). */
const RECYCLE_MIN_LENGTH = 4096;
/** At most this many bytes of disposed storage are kept for reuse. */
const RECYCLE_MAX_BYTES = 64 * 1024 * 1024;

/** The storage class name of each dtype, as the recycling keys use it. */
const ARRAY_NAME: Record<DType, string> = {
  float32: 'Float32Array',
  float64: 'Float64Array',
  int32: 'Int32Array',
  bool: 'Uint8Array',
};

const CAPABILITIES: BackendCapabilities = {
  dtypes: ['float32', 'float64', 'int32', 'bool'],
  floatPrecision: 64,
  syncRead: true,
  mode: 'cpu',
};

/**
 * The reference backend: dense row-major typed arrays in the JavaScript heap. Complete (every
 * primitive), float64-capable, and the semantic definition other backends are tested against.
 * @example
 * ```ts
 * const cpu = new CpuBackend();
 * cpu.name;                           // 'cpu'
 * cpu.capabilities.floatPrecision;    // 64
 * const id = cpu.write(new Int32Array([1, 2]), [2], 'int32');
 * cpu.readSync(id);                   // Int32Array [1, 2]
 * cpu.numDataIds();                   // 1
 * ```
 * @category Backends
 */
export class CpuBackend implements Backend {
  readonly name = 'cpu';
  readonly capabilities = CAPABILITIES;
  readonly kernels: KernelTable<CpuBackend> = cpuKernels;
  readonly #storage = new Map<DataId, TypedArray>();
  /** Disposed storage by `dtype:length`, reused by `uninitialized` (fresh memory costs page faults). */
  readonly #recycled = new Map<string, TypedArray[]>();
  #recycledBytes = 0;

  write(values: TypedArray, _shape: Shape, _dtype: DType): DataId {
    const id = {};
    this.#storage.set(id, values);
    return id;
  }

  read(dataId: DataId): Promise<TypedArray> {
    return Promise.resolve(this.readSync(dataId));
  }

  readSync(dataId: DataId): TypedArray {
    const values = this.#storage.get(dataId);
    if (values === undefined) {
      throw new BackendError({ op: 'CpuBackend.read', expected: 'a live data id of this backend', got: 'an unknown or disposed id' });
    }
    return values;
  }

  disposeData(dataId: DataId): void {
    const values = this.#storage.get(dataId);
    if (values === undefined) return;
    this.#storage.delete(dataId);
    if (values.length < RECYCLE_MIN_LENGTH || this.#recycledBytes + values.byteLength > RECYCLE_MAX_BYTES) return;
    const key = `${values.constructor.name}:${values.length}`;
    const list = this.#recycled.get(key);
    if (list === undefined) this.#recycled.set(key, [values]);
    else list.push(values);
    this.#recycledBytes += values.byteLength;
  }

  /**
   * Storage for a kernel output of `size` elements whose contents are unspecified: a disposed
   * array of the same dtype and length when one is kept, else a new one. Only for kernels that
   * write every element.
   */
  uninitialized<D extends DType>(dtype: D, size: number): DTypeArrays[D] {
    if (size >= RECYCLE_MIN_LENGTH) {
      const reused = this.#recycled.get(`${ARRAY_NAME[dtype]}:${size}`)?.pop();
      if (reused !== undefined) {
        this.#recycledBytes -= reused.byteLength;
        return reused as DTypeArrays[D];
      }
    }
    return allocate(dtype, size);
  }

  numDataIds(): number {
    return this.#storage.size;
  }

  /** The storage array of a kernel input (the backend's own: kernels must not mutate it). */
  values(info: TensorInfo): TypedArray {
    return this.readSync(info.dataId);
  }

  /** Stores a kernel's freshly computed output and returns its `TensorInfo`. */
  output(values: TypedArray, shape: Shape, dtype: DType): TensorInfo {
    return { dataId: this.write(values, shape, dtype), shape, dtype };
  }
}

/**
 * Creates a CPU backend. It is also the default backend, created on first use.
 * @example
 * ```ts
 * setBackend(createCpuBackend());
 * getBackend().name; // 'cpu'
 * ```
 * @category Backends
 */
export function createCpuBackend(): CpuBackend {
  return new CpuBackend();
}
