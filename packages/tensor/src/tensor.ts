import type { DType, TypedArray } from './dtype.js';
import { BackendError, DisposedTensorError, ShapeError } from './errors.js';
import { releaseTracking } from './engine/state.js';
import { formatValues } from './format.js';
import type { Backend, DataId, TensorInfo } from './kernels/op-specs.js';
import type { Shape } from './shape.js';
import { formatShape, sizeOf, stridesOf } from './shape.js';

/** A nested array of numbers or booleans, as `toArray()` returns and `tensor()` accepts. @category Tensors */
export type NestedArray = number | boolean | NestedArray[];

let nextTensorId = 0;

/**
 * An immutable n-dimensional array of one dtype, stored by a backend. Ops never change a tensor;
 * they return new ones. Create tensors with `tensor`, `zeros`, `randn`… rather than with `new`.
 *
 * @remarks
 * Memory: on the CPU backend storage is reclaimed by the garbage collector; on device backends call
 * `dispose()`, use `tidy(fn)`, or declare it with `using` so it is freed at the end of the block.
 *
 * @example
 * ```ts
 * const t = tensor([[1, 2], [3, 4]]);
 * t.shape;        // [2, 2]
 * t.toArray();    // [[1, 2], [3, 4]]
 * t.toString();   // 'tensor([[1., 2.],\n        [3., 4.]], dtype=float32)'
 * ```
 * @category Tensors
 */
export class Tensor implements TensorInfo {
  /** A process-unique id, increasing in creation order. */
  readonly id: number;
  /** Size of each dimension; `[]` for a scalar. */
  readonly shape: Shape;
  /** Element type. */
  readonly dtype: DType;
  /** Number of elements. */
  readonly size: number;
  /** Backend storage handle. */
  readonly dataId: DataId;
  /** The backend that owns the storage. */
  readonly backend: Backend;
  #disposed = false;

  /** @internal Tensors are made by the engine; use the creation ops. */
  constructor(info: TensorInfo, backend: Backend) {
    this.id = nextTensorId++;
    this.shape = Object.freeze([...info.shape]);
    this.dtype = info.dtype;
    this.size = sizeOf(info.shape);
    this.dataId = info.dataId;
    this.backend = backend;
  }

  /** Number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** Whether `dispose()` has released this tensor's storage. */
  get isDisposed(): boolean {
    return this.#disposed;
  }

  /** @internal Throws a `DisposedTensorError` naming `op` if this tensor was disposed. */
  assertAlive(op: string, arg = 'tensor'): void {
    if (this.#disposed) {
      throw new DisposedTensorError({
        op,
        arg,
        expected: 'a live tensor',
        got: `tensor #${this.id} (shape ${formatShape(this.shape)}) after dispose()`,
      });
    }
  }

  /**
   * The elements in row-major order, as a fresh typed array (safe to mutate). Works on every
   * backend.
   */
  async data(): Promise<TypedArray> {
    this.assertAlive('Tensor.data');
    return (await this.backend.read(this.dataId)).slice();
  }

  /**
   * The elements in row-major order, synchronously, as a fresh typed array.
   * @throws {@link "@nn/tensor".index.BackendError | BackendError} on backends without synchronous reads (use `data()`).
   */
  dataSync(): TypedArray {
    this.assertAlive('Tensor.dataSync');
    if (this.backend.readSync === undefined) {
      throw new BackendError({
        op: 'Tensor.dataSync',
        expected: 'a backend with synchronous reads',
        got: `backend '${this.backend.name}'`,
        hint: 'Use await tensor.data() instead',
      });
    }
    return this.backend.readSync(this.dataId).slice();
  }

  /**
   * The elements as nested arrays (booleans for `bool`), synchronously.
   * @example
   * ```ts
   * tensor([[1, 2], [3, 4]]).toArray(); // [[1, 2], [3, 4]]
   * ```
   */
  toArray(): NestedArray {
    return toNested(this.dataSync(), this.shape, this.dtype);
  }

  /**
   * The value of a one-element tensor as a number (or boolean for `bool`).
   * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} if the tensor has more or fewer than one element.
   */
  item(): number | boolean {
    if (this.size !== 1) {
      throw new ShapeError({
        op: 'Tensor.item',
        expected: 'a tensor with exactly one element',
        got: `shape ${formatShape(this.shape)} (${this.size} elements)`,
      });
    }
    const v = this.dataSync()[0]!;
    return this.dtype === 'bool' ? v !== 0 : v;
  }

  /**
   * Releases the storage now. Using the tensor afterwards throws a `DisposedTensorError`.
   * Disposing twice is a no-op.
   */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    releaseTracking(this);
    this.backend.disposeData(this.dataId);
  }

  /** `using t = tensor(...)` disposes `t` at the end of the block. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  /** A readable summary, e.g. `tensor([1., 2.], dtype=float32)`. */
  toString(): string {
    if (this.#disposed) return `tensor(<disposed>, shape=${formatShape(this.shape)}, dtype=${this.dtype})`;
    if (this.backend.readSync === undefined) {
      return `tensor(<on ${this.backend.name}>, shape=${formatShape(this.shape)}, dtype=${this.dtype})`;
    }
    const values = this.backend.readSync(this.dataId);
    const body = formatValues(values, this.shape, this.dtype).replaceAll('\n', '\n       ');
    const shapeNote = this.size === 0 ? `, shape=${formatShape(this.shape)}` : '';
    return `tensor(${body}${shapeNote}, dtype=${this.dtype})`;
  }
}

function toNested(values: TypedArray, shape: Shape, dtype: DType): NestedArray {
  const convert = (v: number): number | boolean => (dtype === 'bool' ? v !== 0 : v);
  if (shape.length === 0) return convert(values[0]!);
  const strides = stridesOf(shape);
  const build = (dim: number, offset: number): NestedArray[] => {
    const out: NestedArray[] = [];
    for (let i = 0; i < shape[dim]!; i++) {
      const o = offset + i * strides[dim]!;
      out.push(dim === shape.length - 1 ? convert(values[o]!) : build(dim + 1, o));
    }
    return out;
  };
  return build(0, 0);
}
