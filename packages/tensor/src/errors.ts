/**
 * Stable error codes. Code that recovers from an error matches on `code`, never on the message.
 * @category Errors
 */
export type ErrorCode =
  | 'E_SHAPE'
  | 'E_DTYPE'
  | 'E_ARGUMENT'
  | 'E_INDEX'
  | 'E_KERNEL_NOT_FOUND'
  | 'E_DISPOSED'
  | 'E_BACKEND'
  | 'E_GRADIENT'
  | 'E_FORMAT';

/**
 * What went wrong, in the words every `@nn` error uses: the operation, the argument, what was
 * expected and what came.
 * @category Errors
 */
export interface ErrorDetails {
  /** The public operation or method, e.g. `'matmul'` or `'Tensor.item'`. */
  op: string;
  /** The argument at fault, e.g. `'b'` or `'axis'`. */
  arg?: string;
  /** What the operation needed, in words or as a value. */
  expected: string;
  /** What it received. */
  got: string;
  /** An optional hint on how to fix it. */
  hint?: string;
}

function formatMessage(d: ErrorDetails): string {
  const where = d.arg === undefined ? d.op : `${d.op}(${d.arg})`;
  const hint = d.hint === undefined ? '' : `. ${d.hint}`;
  return `[@nn] ${where}: expected ${d.expected}, got ${d.got}${hint}`;
}

/**
 * Base class of every error thrown by `@nn` packages. `code` is stable across versions;
 * `op` and `arg` name the operation and argument at fault.
 *
 * @example
 * ```ts
 * let code = '';
 * try { matmul(zeros([2, 3]), zeros([4, 5])); } catch (e) {
 *   if (e instanceof NNError) code = e.code;
 * }
 * code; // 'E_SHAPE'
 * matmul(zeros([2, 3]), zeros([4, 5])); // throws NNError
 * ```
 * @category Errors
 */
export class NNError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** The operation that failed. */
  readonly op: string;
  /** The argument at fault, when there is one. */
  readonly arg: string | undefined;
  /** What was expected. */
  readonly expected: string;
  /** What was received. */
  readonly got: string;

  constructor(code: ErrorCode, details: ErrorDetails) {
    super(formatMessage(details));
    this.name = new.target.name;
    this.code = code;
    this.op = details.op;
    this.arg = details.arg;
    this.expected = details.expected;
    this.got = details.got;
  }
}

/**
 * A shape is incompatible with the operation (broadcasting, matmul inner dims, reshape sizes…).
 * @example
 * ```ts
 * add(zeros([2]), zeros([3]));     // throws ShapeError
 * reshape(zeros([2, 3]), [4]);     // throws ShapeError
 * ```
 * @category Errors
 */
export class ShapeError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_SHAPE', details);
  }
}

/**
 * A dtype is not accepted by the operation (e.g. a float index tensor).
 * @example
 * ```ts
 * gather(tensor([1, 2]), 0, tensor([0.5])); // throws DTypeError (the index must be int32)
 * ```
 * @category Errors
 */
export class DTypeError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_DTYPE', details);
  }
}

/**
 * A non-tensor argument is invalid (a negative size, an unknown option, a non-integer axis…).
 * @example
 * ```ts
 * manualSeed(-1);        // throws ArgumentError
 * zeros([2, -1]);        // throws ArgumentError
 * ```
 * @category Errors
 */
export class ArgumentError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_ARGUMENT', details);
  }
}

/**
 * An index is out of range (an axis, or a value inside an index tensor).
 * @example
 * ```ts
 * sum(zeros([2, 3]), 2); // throws IndexError (dims of a rank-2 tensor are -2 … 1)
 * indexSelect(tensor([1, 2]), 0, tensor([5], { dtype: 'int32' })); // throws IndexError
 * ```
 * @category Errors
 */
export class IndexError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_INDEX', details);
  }
}

/**
 * The active backend has no kernel for a primitive op. Falling back to another backend is
 * always explicit, never silent.
 * @example
 * ```ts
 * class NoKernels extends CpuBackend {
 *   override readonly kernels = {} as CpuBackend['kernels'];
 * }
 * setBackend(new NoKernels());
 * const x = ones([2]); // creation only stores data: no kernel needed
 * add(x, 1);           // throws KernelNotFoundError
 * ```
 * @category Errors
 */
export class KernelNotFoundError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_KERNEL_NOT_FOUND', details);
  }
}

/**
 * A tensor was used after `dispose()` (directly, or by a `tidy` scope that ended).
 * @example
 * ```ts
 * const t = ones([2]);
 * t.dispose();
 * t.toArray(); // throws DisposedTensorError
 * ```
 * @category Errors
 */
export class DisposedTensorError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_DISPOSED', details);
  }
}

/**
 * A backend-level failure: a tensor from another backend, a failed read, an unusable device.
 * @example
 * ```ts
 * const t = ones([2]);
 * setBackend(createCpuBackend()); // a new backend: t stays on the old one
 * add(t, 1); // throws BackendError
 * ```
 * @category Errors
 */
export class BackendError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_BACKEND', details);
  }
}

/**
 * Bytes or a file are not in the expected format (a safetensors or IDX file with a bad header,
 * an unknown type code, data that does not fit…). `op` names the reader, `arg` the field at fault.
 * @example
 * ```ts
 * const e = new FormatError({ op: 'readIdx', arg: 'magic', expected: 'bytes 0x00 0x00', got: '0x1f 0x8b' });
 * e.code;    // 'E_FORMAT'
 * e.message; // '[@nn] readIdx(magic): expected bytes 0x00 0x00, got 0x1f 0x8b'
 * ```
 * @category Errors
 */
export class FormatError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_FORMAT', details);
  }
}
