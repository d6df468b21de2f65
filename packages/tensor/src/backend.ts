/**
 * `@nn/tensor/backend`: what backend authors and engine-level packages (autograd, conformance)
 * need: the op table, kernel types and the dispatch entry points.
 * @packageDocumentation
 */
export {
  OP_NAMES,
  type OpSpecs,
  type OpName,
  type InputsOf,
  type AttrsOf,
  type KernelArgs,
  type KernelFn,
  type KernelTable,
  type Backend,
  type BackendCapabilities,
  type DataId,
  type TensorInfo,
  type Conv2DAttrs,
  type Pool2DAttrs,
  type Pair,
  type UnarySpec,
  type BinarySpec,
  type ReduceSpec,
  type ArgReduceSpec,
  type OpsWithSpec,
} from './kernels/op-specs.js';
export { poolOutputSize } from './kernels/pool-output-size.js';
export { indexOutOfRange, assertNonEmptyReduction, axisLayout, type AxisLayout } from './kernels/kernel-checks.js';
export { retain, release, onDeferredDispose } from './engine/scope.js';
export { runKernel, fromValues, wrapTensor } from './engine/engine.js';
export { allocate, assertDType, isDType } from './dtype.js';
export { stridesOf, normalizeAxis, normalizeAxes, checkShape, formatShape, shapesEqual } from './shape.js';
