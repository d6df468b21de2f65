import type { DType, TypedArray } from '../../dtype.js';
import { BackendError } from '../../errors.js';
import type { Backend, BackendCapabilities, DataId, KernelTable, TensorInfo } from '../../kernels/op-specs.js';
import type { Shape } from '../../shape.js';
import { cpuKernels } from './kernels/index.js';

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
    this.#storage.delete(dataId);
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
