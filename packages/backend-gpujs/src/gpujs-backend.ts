import { ArgumentError, DTypeError, type DType, type Shape, type TypedArray } from '@nn/tensor';
import {
  indexOutOfRange,
  type Backend,
  type BackendCapabilities,
  type DataId,
  type TensorInfo,
} from '@nn/tensor/backend';
import type { GPU, IKernelRunShortcut } from 'gpu.js';
import { KernelCache, type KernelSource } from './kernel-cache.js';
import { KERNELS } from './kernels/index.js';
import { openGpu, type GpuJsMode } from './modes.js';
import { freeResident, GpuJsData, isDeviceResident, toDType, type Resident } from './storage.js';

/** The dtypes the backend stores (all as float32 on the device). */
const DTYPES: readonly DType[] = ['float32', 'int32', 'bool'];

/**
 * The largest magnitude of an int32 value the backend stores: every dtype is float32 on the
 * device, which holds integers exactly up to 2^24.
 * @category Backend
 */
export const MAX_EXACT_INT32 = 2 ** 24;

/**
 * The most elements one tensor may have: kernels compute element indices in float32, which
 * counts every integer exactly up to 2^24.
 * @category Backend
 */
export const MAX_ELEMENTS = 2 ** 24;

/**
 * One kernel launch: the generated source, its inputs and its output.
 * @category Backend authoring
 */
export interface Program {
  /** The op and every attribute the source depends on; input and output shapes are added to it. */
  readonly key: string;
  /** The inputs, in the order of the kernel function's parameters. */
  readonly inputs: readonly TensorInfo[];
  readonly shape: Shape;
  readonly dtype: DType;
  /** Builds the source; called only when the kernel is not yet compiled. */
  readonly build: () => KernelSource;
  /** Settles before the kernel runs (an index check under the async contract); its rejection becomes the output's error. */
  readonly guard?: Promise<void> | null;
}

/**
 * Options of {@link createGpuJsBackend}.
 * @category Backend
 */
export interface GpuJsBackendOptions {
  /**
   * The gpu.js mode to run in. `'auto'` (the default) takes the first that works of webgl2,
   * headlessgl, webgpu, webasm, cpu; a named mode that does not work here is a `BackendError`.
   */
  readonly mode?: GpuJsMode | 'auto';
}

/**
 * The `@nn` backend on gpu.js. Tensors live on the device between ops (textures in WebGL2 and
 * headless GL, storage buffers in WebGPU) and are read back only by `read`/`readSync`; kernels
 * are generated per op, shapes and attributes, compiled once and cached.
 *
 * @example
 * ```ts
 * const backend = await createGpuJsBackend({ mode: 'cpu' });
 * setBackend(backend);
 * const t = tidy(() => add(tensor([1, 2]), 1));
 * backend.numDataIds();        // 1
 * backend.numCompiledKernels(); // 1 (the addition; in WebGL2 and WebGPU uploads are kernels too)
 * t.dispose();
 * backend.numDataIds();        // 0
 * ```
 * @category Backend
 */
export class GpuJsBackend implements Backend {
  readonly name = 'gpujs';
  readonly capabilities: BackendCapabilities;
  readonly kernels = KERNELS;
  /** Synchronous reads, in every mode but WebGPU (whose reads are asynchronous by nature). */
  readonly readSync?: (dataId: DataId) => TypedArray;
  /** The mode every kernel of this backend runs in. */
  readonly mode: GpuJsMode;
  private readonly cache: KernelCache;
  private readonly async: boolean;
  private live = 0;
  private liveOnDevice = 0;

  /** Use {@link createGpuJsBackend}, which proves the mode before constructing. */
  constructor(
    private readonly gpu: GPU,
    mode: GpuJsMode,
  ) {
    this.mode = mode;
    this.async = mode === 'webgpu';
    this.cache = new KernelCache(gpu, mode);
    this.capabilities = { dtypes: DTYPES, floatPrecision: 32, syncRead: !this.async, mode };
    if (!this.async) this.readSync = (dataId) => this.readNow(dataId as GpuJsData);
  }

  write(values: TypedArray, shape: Shape, dtype: DType): DataId {
    if (!DTYPES.includes(dtype)) {
      throw new DTypeError({
        op: 'gpujs.write',
        arg: 'dtype',
        expected: `one of ${DTYPES.join(', ')} (gpu.js computes in single precision)`,
        got: dtype,
        hint: 'Cast to float32 first, or use the CPU backend for float64',
      });
    }
    if (dtype === 'int32') checkExactInt32(values);
    const data = this.allocate(shape, dtype, 'gpujs.write');
    if (dtype !== 'float32') data.host = dtype === 'int32' ? Int32Array.from(values) : Uint8Array.from(values);
    if (data.size === 0) return data;
    const floats = values instanceof Float32Array ? values : Float32Array.from(values);
    if (this.mode === 'cpu' || this.mode === 'webasm') {
      this.setHandle(data, floats);
    } else {
      const upload = this.cache.get('Upload', data.size, () => ({
        source: 'function (x) { return x[this.thread.x]; }',
        loopMax: 0,
      }));
      this.setHandle(data, this.launch(upload, 'Upload', [floats], [], null));
    }
    return data;
  }

  async read(dataId: DataId): Promise<TypedArray> {
    const data = dataId as GpuJsData;
    if (data.check !== null) await data.check;
    if (data.host !== null || data.size === 0) return this.readNow(data);
    const handle = await data.handle!;
    const values = handle instanceof Float32Array ? handle : ((await handle.toArray()) as Float32Array);
    return this.remember(data, toDType(values, data.dtype, data.size));
  }

  private readNow(data: GpuJsData): TypedArray {
    if (data.host !== null) return data.host;
    if (data.size === 0) return toDType(new Float32Array(0), data.dtype, 0);
    const handle = data.handle as Resident;
    const values = handle instanceof Float32Array ? handle : (handle.toArray() as Float32Array);
    return this.remember(data, toDType(values, data.dtype, data.size));
  }

  /** Keeps int32 and bool values read back on the host too (index checks read them). */
  private remember(data: GpuJsData, values: TypedArray): TypedArray {
    if (data.dtype !== 'float32' && !data.disposed) data.host = values;
    return values;
  }

  disposeData(dataId: DataId): void {
    const data = dataId as GpuJsData;
    if (data.disposed) return;
    data.disposed = true;
    this.live--;
    if (isDeviceResident(data.handle)) this.liveOnDevice--;
    if (data.pendingReads === 0) this.free(data);
  }

  private free(data: GpuJsData): void {
    freeResident(data.handle);
    data.handle = null;
    data.host = null;
  }

  numDataIds(): number {
    return this.live;
  }

  /** How many live tensors hold device memory (textures or buffers); 0 in the cpu and webasm modes. */
  numDeviceBuffers(): number {
    return this.liveOnDevice;
  }

  /** How many kernels have been compiled so far. */
  numCompiledKernels(): number {
    return this.cache.size;
  }

  dispose(): void {
    this.cache.clear();
    this.gpu.destroy();
  }

  /**
   * Runs one generated kernel and returns the output's `TensorInfo`. An empty output runs nothing;
   * inputs must not be empty (kernels handle empty inputs themselves).
   */
  run(program: Program): TensorInfo {
    const data = this.allocate(program.shape, program.dtype, program.key);
    if (data.size === 0) {
      if (program.guard) {
        data.check = program.guard;
        data.check.catch(() => {});
      }
      return { dataId: data, shape: program.shape, dtype: program.dtype };
    }
    const inputs = program.inputs.map((t) => t.dataId as GpuJsData);
    const key = `${program.key}:${program.inputs.map((t) => `[${t.shape.join(',')}]`).join('')}`;
    for (const input of inputs) {
      if (input.size === 0) throw new Error(`gpujs ${key}: an empty input reached a kernel`);
    }
    const kernel = this.cache.get(key, data.size, program.build);
    if (this.async) {
      this.setHandle(data, this.launch(kernel, key, [], inputs, program.guard ?? null));
    } else {
      this.setHandle(
        data,
        this.launch(
          kernel,
          key,
          inputs.map((i) => i.handle as Resident),
          [],
          null,
        ),
      );
    }
    return { dataId: data, shape: program.shape, dtype: program.dtype };
  }

  /**
   * Calls a kernel. Synchronous modes pass `ready` arguments and get the resident value; the async
   * mode queues the call behind its `queued` inputs and the guard, keeping those inputs alive
   * until the kernel has run.
   */
  private launch(
    kernel: IKernelRunShortcut,
    key: string,
    ready: readonly unknown[],
    queued: readonly GpuJsData[],
    guard: Promise<void> | null,
  ): Resident | Promise<Resident> {
    if (!this.async) {
      const out = kernel(...(ready as never[])) as unknown as Resident;
      this.cache.assertMode(kernel, key);
      return out;
    }
    for (const input of queued) input.pendingReads++;
    const result = Promise.all([guard, ...queued.map((i) => i.handle)])
      .then(async ([, ...handles]) => {
        const out = (await kernel(...([...ready, ...handles] as never[]))) as unknown as Resident;
        this.cache.assertMode(kernel, key);
        return out;
      })
      .finally(() => {
        for (const input of queued) this.releaseRead(input);
      });
    // Nothing may be lost unnoticed: a failure is reported by `read`, and by every kernel queued after it.
    result.catch(() => {});
    return result;
  }

  private releaseRead(data: GpuJsData): void {
    data.pendingReads--;
    if (data.disposed && data.pendingReads === 0) this.free(data);
  }

  private setHandle(data: GpuJsData, handle: Resident | Promise<Resident>): void {
    data.handle = handle;
    if (isDeviceResident(handle)) this.liveOnDevice++;
  }

  private allocate(shape: Shape, dtype: DType, op: string): GpuJsData {
    const data = new GpuJsData(shape, dtype);
    if (data.size > MAX_ELEMENTS) {
      throw new ArgumentError({
        op: op.split(':')[0]!,
        expected: `at most 2^24 = ${MAX_ELEMENTS} elements per tensor on the gpujs backend`,
        got: `shape [${shape.join(', ')}] (${data.size} elements)`,
        hint: 'Split the work into smaller tensors',
      });
    }
    this.live++;
    return data;
  }

  /** A tensor of `shape` filled with `value` (written from the host: no kernel computes it). */
  fill(shape: Shape, dtype: DType, value: number): TensorInfo {
    const size = shape.reduce((a, b) => a * b, 1);
    const values =
      dtype === 'float32' ? new Float32Array(size) : dtype === 'int32' ? new Int32Array(size) : new Uint8Array(size);
    return { dataId: this.write(values.fill(value), shape, dtype), shape, dtype };
  }

  /**
   * Checks that every value of the int32 tensor `indices` indexes dim `axis` of size `size`, i.e.
   * lies in `[0, size)`; the first value that does not (in flat order) gives the `IndexError` the
   * CPU kernels throw. Throws now when the values are known on the host or can be read
   * synchronously; under the async contract it returns a promise that rejects with it, to be passed
   * as the `guard` of the kernel that uses the indices.
   */
  checkIndices(indices: TensorInfo, size: number, op: string, axis: number): Promise<void> | null {
    const data = indices.dataId as GpuJsData;
    const check = (values: TypedArray): void => {
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (v < 0 || v >= size) throw indexOutOfRange(op, v, axis, size);
      }
    };
    if (data.host !== null || !this.async) {
      check(this.readNow(data));
      return null;
    }
    return this.read(data).then(check);
  }
}

/** Refuses int32 values that float32 storage would round (a silently different number otherwise). */
function checkExactInt32(values: TypedArray): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > MAX_EXACT_INT32 || v < -MAX_EXACT_INT32) {
      throw new ArgumentError({
        op: 'gpujs.write',
        arg: 'values',
        expected: `int32 values within ±2^24 = ±${MAX_EXACT_INT32} (the gpu.js backend stores int32 as float32)`,
        got: `${v} at flat position ${i}`,
        hint: 'Use the CPU backend for int32 arithmetic beyond 2^24',
      });
    }
  }
}

/**
 * Creates the gpu.js backend in the asked-for mode, after proving gpu.js really runs kernels in
 * it; `backend.capabilities.mode` says which. Asking for a mode that does not work here throws a
 * `BackendError`: the backend never falls back to another mode silently.
 *
 * @example
 * ```ts
 * const backend = await createGpuJsBackend({ mode: 'cpu' });
 * backend.capabilities.mode; // 'cpu'
 * setBackend(backend);
 * matmul(tensor([[1, 2]]), tensor([[3], [4]])).toArray(); // [[11]]
 * ```
 * @category Backend
 */
export async function createGpuJsBackend(options: GpuJsBackendOptions = {}): Promise<GpuJsBackend> {
  const { gpu, mode } = await openGpu(options.mode ?? 'auto');
  return new GpuJsBackend(gpu, mode);
}
