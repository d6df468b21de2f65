import type { DType, NNError, Tensor } from '@nn/tensor';
import type { OpName } from '@nn/tensor/backend';

/**
 * A tensor in plain JavaScript: what references compute on and return.
 * @category Conformance
 */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** Row-major values; booleans as 0/1. */
  readonly values: ArrayLike<number>;
}

/**
 * An input of a case: explicit values, or values drawn from a seeded stream.
 * @category Conformance
 */
export interface InputSpec {
  readonly shape: readonly number[];
  readonly dtype?: DType;
  /** Explicit row-major values; otherwise seeded values in `range` (default [-2, 2]). */
  readonly values?: readonly number[];
  /** Range of generated values, `[low, high)`; integers for int32, 0/1 for bool. */
  readonly range?: readonly [number, number];
}

/** Absolute and relative tolerance: `|got - want| <= atol + rtol * |want|`. @category Conformance */
export interface Tolerance {
  readonly atol: number;
  readonly rtol: number;
}

/**
 * One conformance case of a primitive: inputs, the public call that reaches the primitive, and a
 * plain-JS reference.
 * @category Conformance
 */
export interface OpCase {
  /** What the case covers, e.g. `'broadcast [3,1] with [4]'`. */
  readonly name: string;
  readonly inputs: Readonly<Record<string, InputSpec>>;
  /** Runs the op under test through the public API. */
  readonly run: (inputs: Readonly<Record<string, Tensor>>) => Tensor;
  /** Computes the expected output in plain JavaScript. */
  readonly reference: (inputs: Readonly<Record<string, HostTensor>>) => HostTensor;
  /** Overrides the dtype-derived tolerance (K-scaled bounds for sums, matmul, conv). */
  readonly tolerance?: Partial<Tolerance>;
}

/**
 * A call that must throw: the error class and its stable code.
 * @category Conformance
 */
export interface ErrorCase {
  readonly name: string;
  readonly inputs: Readonly<Record<string, InputSpec>>;
  /** Makes the call that must throw, through the public API. */
  readonly run: (inputs: Readonly<Record<string, Tensor>>) => unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any NNError subclass constructor
  readonly error: new (...args: any[]) => NNError;
}

/**
 * Every case of one primitive op.
 * @category Conformance
 */
export interface CaseTable {
  readonly op: OpName;
  readonly cases: readonly OpCase[];
  readonly errors: readonly ErrorCase[];
}
