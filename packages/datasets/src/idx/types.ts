/**
 * The element types of IDX files, by the name `@nn` uses for each type code: `0x08` uint8,
 * `0x09` int8, `0x0B` int16, `0x0C` int32, `0x0D` float32, `0x0E` float64.
 * @category IDX
 */
export type IdxDType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/**
 * The typed array that holds the elements of each IDX dtype (in the host's byte order once read).
 * @category IDX
 */
export interface IdxArrays {
  uint8: Uint8Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  float32: Float32Array;
  float64: Float64Array;
}

/**
 * A decoded IDX file: its element type, its shape (`[N, H, W]` for MNIST images, `[N]` for
 * labels) and its elements in row-major order (`data.length` is the product of `shape`).
 * A union over the dtypes, so checking `dtype` narrows `data`:
 * `if (idx.dtype === 'uint8') idx.data` is a `Uint8Array`.
 * @category IDX
 */
export type Idx<D extends IdxDType = IdxDType> = D extends IdxDType
  ? {
      /** The element type (from the file's type code). */
      readonly dtype: D;
      /** Size of each dimension, outermost first (rank 1 … 32). */
      readonly shape: number[];
      /** The elements, row-major, in the host's byte order. */
      readonly data: IdxArrays[D];
    }
  : never;

/**
 * What `writeIdx` accepts: a dtype, a shape and the elements in row-major order, either as the
 * dtype's typed array or as any array-like of numbers (integers in range for the integer types;
 * float values are rounded to float32 as `Float32Array.from` does).
 * @category IDX
 */
export interface IdxInput {
  /** The element type to write. */
  readonly dtype: IdxDType;
  /** Size of each dimension (1 … 32 dimensions, each 0 … 2³² − 1). */
  readonly shape: readonly number[];
  /** `product(shape)` elements, row-major. */
  readonly data: ArrayLike<number>;
}
