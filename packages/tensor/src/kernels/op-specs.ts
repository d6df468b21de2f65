import type { DType, TypedArray } from '../dtype.js';
import type { Shape } from '../shape.js';

/**
 * A backend's opaque handle to the storage of one tensor.
 * @category Backend authoring
 */
export type DataId = object;

/**
 * What a kernel sees of a tensor: its storage handle, shape and dtype. Storage is always dense and
 * row-major.
 * @category Backend authoring
 */
export interface TensorInfo {
  readonly dataId: DataId;
  readonly shape: Shape;
  readonly dtype: DType;
}

/** The spec of a unary elementwise primitive: one input `x`, no attrs. @category Backend authoring */
export type UnarySpec = { inputs: { x: TensorInfo }; attrs: Record<string, never> };
/** The spec of a broadcasting binary primitive: inputs `a` and `b`, no attrs. @category Backend authoring */
export type BinarySpec = { inputs: { a: TensorInfo; b: TensorInfo }; attrs: Record<string, never> };
/** The spec of a reduction over sorted unique `axes`. @category Backend authoring */
export type ReduceSpec = { inputs: { x: TensorInfo }; attrs: { axes: readonly number[]; keepDim: boolean } };
/** The spec of an index-returning reduction along one `axis`. @category Backend authoring */
export type ArgReduceSpec = { inputs: { x: TensorInfo }; attrs: { axis: number; keepDim: boolean } };

/** `[height, width]` pairs used by 2-D convolution and pooling attrs. @category Backend authoring */
export type Pair = readonly [number, number];

/** Attributes shared by the three 2-D convolution primitives. @category Backend authoring */
export interface Conv2DAttrs {
  /** `[sh, sw]`, each ≥ 1. */
  readonly stride: Pair;
  /** Zero padding `[top, bottom, left, right]`, each ≥ 0. */
  readonly padding: readonly [number, number, number, number];
  /** `[dh, dw]`, each ≥ 1. */
  readonly dilation: Pair;
  /** Channel groups; input and output channels are both divisible by it. */
  readonly groups: number;
}

/** Attributes shared by the 2-D pooling primitives. @category Backend authoring */
export interface Pool2DAttrs {
  /** `[kh, kw]`. */
  readonly kernelSize: Pair;
  /** `[sh, sw]`. */
  readonly stride: Pair;
  /** Symmetric implicit padding `[ph, pw]`, at most half the kernel (as in PyTorch). */
  readonly padding: Pair;
  /** Use ceil instead of floor when computing the output size. */
  readonly ceilMode: boolean;
}

/**
 * The backend contract: every primitive op, its named tensor inputs and its attributes. Public ops
 * validate and normalise their arguments before a kernel runs, so kernels can trust what they get:
 * axes are non-negative and sorted, shapes broadcast, dtypes are already promoted.
 *
 * Conventions every kernel follows:
 * - Binary arithmetic (`Add`…`Minimum`) receives `a` and `b` of the same dtype, with shapes that
 *   broadcast; the output has that dtype and the broadcast shape.
 * - Comparisons receive same-dtype inputs and return `bool`; logical ops receive `bool`.
 * - Unary math receives float inputs (except `Neg`, `Abs`, `Sign`, `Cast`, `IsNaN`, `IsFinite`,
 *   `LogicalNot`, `Floor`, `Ceil`, `Round`, which accept any numeric dtype) and keeps the dtype;
 *   `IsNaN`/`IsFinite` return `bool`.
 * - Reductions receive sorted unique `axes` (possibly empty). `Sum`/`Prod` of `bool` give `int32`;
 *   `All`/`Any` give `bool`; `ArgMax`/`ArgMin` give `int32` (first occurrence wins).
 * - Index inputs are `int32`; a value out of range throws an `IndexError` from the kernel.
 *
 * @category Backend authoring
 */
export interface OpSpecs {
  // Unary elementwise
  Neg: UnarySpec;
  Abs: UnarySpec;
  Sign: UnarySpec;
  Exp: UnarySpec;
  Log: UnarySpec;
  Log1p: UnarySpec;
  Expm1: UnarySpec;
  Sqrt: UnarySpec;
  Rsqrt: UnarySpec;
  Reciprocal: UnarySpec;
  Sin: UnarySpec;
  Cos: UnarySpec;
  Tanh: UnarySpec;
  Sigmoid: UnarySpec;
  Relu: UnarySpec;
  Erf: UnarySpec;
  Floor: UnarySpec;
  Ceil: UnarySpec;
  /** Rounds half to even, as PyTorch and NumPy do. */
  Round: UnarySpec;
  IsNaN: UnarySpec;
  IsFinite: UnarySpec;
  LogicalNot: UnarySpec;
  Cast: { inputs: { x: TensorInfo }; attrs: { dtype: DType } };

  // Binary elementwise, broadcasting
  Add: BinarySpec;
  Sub: BinarySpec;
  Mul: BinarySpec;
  /** Float division (public `div` promotes integer inputs to float32 first). */
  Div: BinarySpec;
  Pow: BinarySpec;
  Maximum: BinarySpec;
  Minimum: BinarySpec;
  Equal: BinarySpec;
  NotEqual: BinarySpec;
  Less: BinarySpec;
  LessEqual: BinarySpec;
  Greater: BinarySpec;
  GreaterEqual: BinarySpec;
  LogicalAnd: BinarySpec;
  LogicalOr: BinarySpec;
  /** `condition ? a : b`, all three broadcast; `condition` is bool, `a` and `b` share a dtype. */
  Where: { inputs: { condition: TensorInfo; a: TensorInfo; b: TensorInfo }; attrs: Record<string, never> };

  // Reductions
  Sum: ReduceSpec;
  Prod: ReduceSpec;
  Max: ReduceSpec;
  Min: ReduceSpec;
  All: ReduceSpec;
  Any: ReduceSpec;
  ArgMax: ArgReduceSpec;
  ArgMin: ArgReduceSpec;
  /** Inclusive cumulative sum along `axis`, from the end when `reverse`. */
  Cumsum: { inputs: { x: TensorInfo }; attrs: { axis: number; reverse: boolean } };
  /** Numerically stable softmax along `axis` (max subtracted first). */
  Softmax: { inputs: { x: TensorInfo }; attrs: { axis: number } };
  /** Numerically stable log-softmax along `axis`. */
  LogSoftmax: { inputs: { x: TensorInfo }; attrs: { axis: number } };

  // Shape and movement
  /** Same elements, new shape of equal size. */
  Reshape: { inputs: { x: TensorInfo }; attrs: { shape: Shape } };
  /** Output dim `i` is input dim `perm[i]`. */
  Transpose: { inputs: { x: TensorInfo }; attrs: { perm: readonly number[] } };
  /** Broadcasts to `shape` (rank ≥ input rank, dims equal or input dim 1). */
  BroadcastTo: { inputs: { x: TensorInfo }; attrs: { shape: Shape } };
  /**
   * Strided slice: along dim `i`, indices `begin[i], begin[i]+step[i], …` while before `end[i]`
   * (or after it when `step[i] < 0`). Bounds are already clamped; `end[i]` may be -1 for a
   * negative step that runs through index 0.
   */
  Slice: {
    inputs: { x: TensorInfo };
    attrs: { begin: readonly number[]; end: readonly number[]; step: readonly number[] };
  };
  /** Joins tensors of one dtype along `axis`; other dims are equal. */
  Concat: { inputs: { xs: readonly TensorInfo[] }; attrs: { axis: number } };
  /** Constant padding: `paddings[i] = [before, after]` for every dim, each ≥ 0. */
  Pad: { inputs: { x: TensorInfo }; attrs: { paddings: readonly Pair[]; value: number } };
  /** Repeats the whole tensor `reps[i]` times along dim `i` (reps.length equals rank). */
  Tile: { inputs: { x: TensorInfo }; attrs: { reps: readonly number[] } };
  /** Picks slices along `axis` by a 1-D int32 `indices`: out.shape[axis] = indices.length. */
  IndexSelect: { inputs: { x: TensorInfo; indices: TensorInfo }; attrs: { axis: number } };
  /** PyTorch `gather`: `out[..i..] = x[..indices[..i..]..]` along `axis`; indices has x's rank. */
  Gather: { inputs: { x: TensorInfo; indices: TensorInfo }; attrs: { axis: number } };
  /** PyTorch `scatter_add` (out of place): `out = x; out[..indices[..i..]..] += updates[..i..]`. */
  ScatterAdd: {
    inputs: { x: TensorInfo; indices: TensorInfo; updates: TensorInfo };
    attrs: { axis: number };
  };

  // Linear algebra and neural-network primitives
  /** `a: [...batch, M, K] @ b: [...batch, K, N]` (after the optional transposes of the last two dims), batch dims broadcast. */
  MatMul: { inputs: { a: TensorInfo; b: TensorInfo }; attrs: { transposeA: boolean; transposeB: boolean } };
  /** `x: [N, C, H, W]`, `w: [O, C / groups, kh, kw]` → `[N, O, H', W']` (cross-correlation, like PyTorch). */
  Conv2D: { inputs: { x: TensorInfo; w: TensorInfo }; attrs: Conv2DAttrs };
  /** Gradient of `Conv2D` with respect to `x` (also the transposed convolution): `dy: [N, O, H', W']` → `inputShape`. */
  Conv2DBackpropInput: {
    inputs: { dy: TensorInfo; w: TensorInfo };
    attrs: Conv2DAttrs & { inputShape: readonly [number, number, number, number] };
  };
  /** Gradient of `Conv2D` with respect to `w`: → `filterShape`. */
  Conv2DBackpropFilter: {
    inputs: { x: TensorInfo; dy: TensorInfo };
    attrs: Conv2DAttrs & { filterShape: readonly [number, number, number, number] };
  };
  /** `x: [N, C, H, W]` → `[N, C, H', W']`, padding counts as −∞. */
  MaxPool2D: { inputs: { x: TensorInfo }; attrs: Pool2DAttrs & { dilation: Pair } };
  /** Routes each `dy` element to the first maximum of its window in `x`. */
  MaxPool2DBackprop: { inputs: { dy: TensorInfo; x: TensorInfo }; attrs: Pool2DAttrs & { dilation: Pair } };
  /** `x: [N, C, H, W]` → `[N, C, H', W']`, averaging each window. */
  AvgPool2D: { inputs: { x: TensorInfo }; attrs: Pool2DAttrs & { countIncludePad: boolean } };
  /** Spreads each `dy` element evenly over its window, producing `inputShape`. */
  AvgPool2DBackprop: {
    inputs: { dy: TensorInfo };
    attrs: Pool2DAttrs & { countIncludePad: boolean; inputShape: readonly [number, number, number, number] };
  };
}

/**
 * The name of a primitive op.
 * @category Backend authoring
 */
export type OpName = keyof OpSpecs;

/**
 * Every primitive op name, in table order. The compiler checks this list against `OpSpecs`.
 * @category Backend authoring
 */
export const OP_NAMES = [
  'Neg', 'Abs', 'Sign', 'Exp', 'Log', 'Log1p', 'Expm1', 'Sqrt', 'Rsqrt', 'Reciprocal', 'Sin', 'Cos',
  'Tanh', 'Sigmoid', 'Relu', 'Erf', 'Floor', 'Ceil', 'Round', 'IsNaN', 'IsFinite', 'LogicalNot',
  'Cast', 'Add', 'Sub', 'Mul', 'Div', 'Pow', 'Maximum', 'Minimum', 'Equal', 'NotEqual', 'Less',
  'LessEqual', 'Greater', 'GreaterEqual', 'LogicalAnd', 'LogicalOr', 'Where', 'Sum', 'Prod', 'Max',
  'Min', 'All', 'Any', 'ArgMax', 'ArgMin', 'Cumsum', 'Softmax', 'LogSoftmax', 'Reshape',
  'Transpose', 'BroadcastTo', 'Slice', 'Concat', 'Pad', 'Tile', 'IndexSelect', 'Gather',
  'ScatterAdd', 'MatMul', 'Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'MaxPool2D',
  'MaxPool2DBackprop', 'AvgPool2D', 'AvgPool2DBackprop',
] as const satisfies readonly OpName[];

type MissingOpNames = Exclude<OpName, (typeof OP_NAMES)[number]>;
// Compile-time proof that OP_NAMES lists every key of OpSpecs.
const everyOpListed: [MissingOpNames] extends [never] ? true : MissingOpNames = true;
void everyOpListed;

/**
 * The primitives whose spec is exactly `S`, e.g. `OpsWithSpec<BinarySpec>` is `'Add' | 'Sub' | …`.
 * @category Backend authoring
 */
export type OpsWithSpec<S> = {
  [K in OpName]: [OpSpecs[K]] extends [S] ? ([S] extends [OpSpecs[K]] ? K : never) : never;
}[OpName];

/** The tensor inputs of op `K`, with `TensorInfo` replaced by `T` (e.g. `Tensor`). @category Backend authoring */
export type InputsOf<K extends OpName, T> = {
  [P in keyof OpSpecs[K]['inputs']]: OpSpecs[K]['inputs'][P] extends readonly TensorInfo[] ? readonly T[] : T;
};

/** The attributes of op `K`. @category Backend authoring */
export type AttrsOf<K extends OpName> = OpSpecs[K]['attrs'];

/**
 * What a kernel is called with. `backend` is the backend that owns every input; kernels read
 * inputs and write outputs through it.
 * @category Backend authoring
 */
export interface KernelArgs<K extends OpName, B> {
  readonly inputs: OpSpecs[K]['inputs'];
  readonly attrs: OpSpecs[K]['attrs'];
  readonly backend: B;
}

/**
 * A kernel: computes one primitive op and returns the output's `TensorInfo` (storage freshly
 * written to the backend).
 * @category Backend authoring
 */
export type KernelFn<K extends OpName, B = Backend> = (args: KernelArgs<K, B>) => TensorInfo;

/**
 * A complete kernel table. The CPU backend satisfies it in full; other backends may implement a
 * `Partial<KernelTable>`.
 * @category Backend authoring
 */
export type KernelTable<B = Backend> = { [K in OpName]: KernelFn<K, B> };

/**
 * What a backend can do, so tests and callers can adapt without guessing.
 * @category Backend authoring
 */
export interface BackendCapabilities {
  /** The dtypes it stores and computes. */
  readonly dtypes: readonly DType[];
  /** Bits of precision of its float arithmetic (64 when float64 is computed in double). */
  readonly floatPrecision: 32 | 64;
  /** Whether `readSync` is available. */
  readonly syncRead: boolean;
  /** The mode it really runs in (e.g. `'cpu'`, `'webgl2'`), for backends with several. */
  readonly mode: string;
}

/**
 * The contract a backend implements: storage for tensor data, and a table of kernels.
 *
 * @example
 * ```ts
 * const cpu = createCpuBackend();
 * const id = cpu.write(new Float32Array([1, 2]), [2], 'float32');
 * await cpu.read(id); // Float32Array [1, 2]
 * ```
 * @category Backend authoring
 */
export interface Backend {
  /** Short stable name, e.g. `'cpu'`. */
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  /** The kernels this backend implements. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- kernels are typed against their own backend
  readonly kernels: Partial<KernelTable<any>>;
  /**
   * Stores `values` and returns its handle. The backend takes the array over: it may keep it as the
   * storage, and reuse it after `disposeData`.
   */
  write(values: TypedArray, shape: Shape, dtype: DType): DataId;
  /** Reads a tensor's elements. The returned array may be the backend's own: do not mutate it. */
  read(dataId: DataId): Promise<TypedArray>;
  /** Synchronous read, where `capabilities.syncRead`. */
  readSync?(dataId: DataId): TypedArray;
  /** Releases one tensor's storage. Disposing twice is a no-op. */
  disposeData(dataId: DataId): void;
  /** How many tensors' storage this backend holds now (for leak tests). */
  numDataIds(): number;
  /** Releases everything the backend holds (device contexts, caches). */
  dispose?(): void;
}
