/**
 * `@nn/tensor`: n-dimensional tensors, their ops, the engine, and the CPU backend.
 * @packageDocumentation
 */
export { Tensor, type NestedArray } from './tensor.js';
export { Variable, type VariableOptions } from './variable.js';
export { type DType, type TypedArray, type DTypeArrays, DTYPES, promoteTypes, scalarDType, isFloat } from './dtype.js';
export { type Shape, broadcastShapes, sizeOf } from './shape.js';
export {
  NNError,
  ShapeError,
  DTypeError,
  ArgumentError,
  IndexError,
  KernelNotFoundError,
  DisposedTensorError,
  BackendError,
  FormatError,
  type ErrorCode,
  type ErrorDetails,
} from './errors.js';
export { getBackend, setBackend, onOp, untracked } from './engine/engine.js';
export { tidy, keep, scope } from './engine/scope.js';
export type { OpRecord, OpListener } from './engine/op-record.js';
export { Generator, manualSeed, defaultGenerator } from './random.js';
export { createCpuBackend, CpuBackend } from './backends/cpu/cpu-backend.js';
export * from './ops/index.js';
