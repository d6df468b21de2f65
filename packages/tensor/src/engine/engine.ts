import { createCpuBackend } from '../backends/cpu/cpu-backend.js';
import type { DType, TypedArray } from '../dtype.js';
import { BackendError, KernelNotFoundError } from '../errors.js';
import type { AttrsOf, Backend, InputsOf, KernelFn, OpName } from '../kernels/op-specs.js';
import type { Shape } from '../shape.js';
import { Tensor } from '../tensor.js';
import type { OpListener, OpRecord } from './op-record.js';
import { engineState, track } from './state.js';

/**
 * The active backend. The CPU backend is created on first use unless another was set.
 * @example
 * ```ts
 * getBackend().name; // 'cpu'
 * ```
 * @category Engine
 */
export function getBackend(): Backend {
  const state = engineState();
  state.backend ??= createCpuBackend();
  return state.backend;
}

/**
 * Makes `backend` the one new tensors are created on and ops run on. Tensors created on another
 * backend stay there; using them in an op on this one throws a `BackendError`.
 * @example
 * ```ts
 * const cpu = createCpuBackend();
 * setBackend(cpu);
 * getBackend() === cpu; // true
 * ```
 * @category Engine
 */
export function setBackend(backend: Backend): void {
  engineState().backend = backend;
}

/**
 * Subscribes to the record of every primitive op run from now on; returns the unsubscribe
 * function. With no listener the engine builds no record at all.
 *
 * @example
 * ```ts
 * const ops: string[] = [];
 * const stop = onOp((r) => ops.push(r.op));
 * add(ones([2]), 1);
 * stop();
 * ops; // ['Add']
 * ```
 * @category Engine
 */
export function onOp(listener: OpListener): () => void {
  const { listeners } = engineState();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `fn` without telling op listeners about the ops it runs: nothing inside is recorded for
 * differentiation. Optimizers update parameters and layers update running statistics inside it,
 * so those updates never join a gradient graph (the same effect as `noGrad` of `@nn/autograd`,
 * for packages that do not depend on it).
 * @example
 * ```ts
 * const ops: string[] = [];
 * const stop = onOp((r) => ops.push(r.op));
 * untracked(() => add(ones([2]), 1));
 * stop();
 * ops; // []
 * ```
 * @category Engine
 */
export function untracked<T>(fn: () => T): T {
  const state = engineState();
  state.untrackedDepth++;
  try {
    return fn();
  } finally {
    state.untrackedDepth--;
  }
}

/**
 * Wraps storage already written to `backend` in a tracked `Tensor`.
 * @example
 * ```ts
 * const backend = getBackend();
 * const dataId = backend.write(new Float32Array([1, 2, 3, 4]), [2, 2], 'float32');
 * wrapTensor({ dataId, shape: [2, 2], dtype: 'float32' }, backend).toArray(); // [[1, 2], [3, 4]]
 * ```
 * @internal
 */
export function wrapTensor(info: { dataId: object; shape: Shape; dtype: DType }, backend: Backend): Tensor {
  const t = new Tensor(info, backend);
  track(t);
  return t;
}

/**
 * Creates a tensor on the active backend from a typed array the backend takes over: it may keep the
 * array as the tensor's storage and reuse it once the tensor is disposed, so do not touch `values`
 * afterwards (`tensor(values)` copies instead).
 * @example
 * ```ts
 * const t = fromValues(new Int32Array([1, 2, 3, 4, 5, 6]), [2, 3], 'int32');
 * t.shape;     // [2, 3]
 * t.toArray(); // [[1, 2, 3], [4, 5, 6]]
 * ```
 * @category Backend authoring
 */
export function fromValues(values: TypedArray, shape: Shape, dtype: DType): Tensor {
  const backend = getBackend();
  return wrapTensor({ dataId: backend.write(values, shape, dtype), shape, dtype }, backend);
}

function checkInput(op: OpName, name: string, t: Tensor, backend: Backend): void {
  t.assertAlive(op, name);
  if (t.backend !== backend) {
    throw new BackendError({
      op,
      arg: name,
      expected: `a tensor on the active backend '${backend.name}'`,
      got: `a tensor on backend '${t.backend.name}'`,
      hint: 'Create it on the active backend, or switch back with setBackend',
    });
  }
}

/**
 * Runs primitive `op` on the active backend: checks the inputs are alive and on that backend,
 * calls its kernel, wraps the output, and emits an `OpRecord` when someone listens. Public ops
 * validate their arguments before they get here.
 *
 * @example
 * ```ts
 * runKernel('Add', { a: ones([2]), b: ones([2]) }, {}).toArray(); // [2, 2]
 * ```
 * @throws A {@link "@nn/tensor".index.KernelNotFoundError | KernelNotFoundError} when the backend does not implement `op`.
 * @category Backend authoring
 */
export function runKernel<K extends OpName>(op: K, inputs: InputsOf<K, Tensor>, attrs: AttrsOf<K>): Tensor {
  const backend = getBackend();
  const kernel = backend.kernels[op] as KernelFn<K, Backend> | undefined;
  if (kernel === undefined) {
    throw new KernelNotFoundError({
      op,
      expected: `a kernel for '${op}' on backend '${backend.name}'`,
      got: `none (it implements ${Object.keys(backend.kernels).length} ops: ${Object.keys(backend.kernels).join(', ')})`,
      hint: 'Run this op on a backend that has it, e.g. setBackend(createCpuBackend())',
    });
  }
  for (const [name, value] of Object.entries(inputs) as [string, Tensor | readonly Tensor[]][]) {
    if (Array.isArray(value)) for (const t of value as readonly Tensor[]) checkInput(op, name, t, backend);
    else checkInput(op, name, value as Tensor, backend);
  }
  const info = kernel({ inputs: inputs as never, attrs, backend });
  const output = wrapTensor(info, backend);
  const { listeners } = engineState();
  if (listeners.size > 0 && !(engineState().untrackedDepth > 0)) {
    const record = { op, inputs, attrs, output } as OpRecord;
    for (const listener of [...listeners]) listener(record);
  }
  return output;
}
