import { broadcastShapes, type DType } from '@nn/tensor';
import type { BinarySpec, KernelFn, OpsWithSpec } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { asBody, runElementwise, type BodyLike } from './elementwise.js';

/** How a binary kernel computes for one (common) input dtype. */
export type BinaryBodyFor = (dtype: DType) => BodyLike;

/**
 * A broadcasting binary kernel: `body` is the kernel body in terms of `a` and `b` (the two input
 * elements), the same for every dtype or a function of the inputs' dtype. `dtype` gives the
 * output dtype from the inputs' (default: the same).
 */
export function binaryKernel<K extends OpsWithSpec<BinarySpec>>(
  op: K,
  body: BodyLike | BinaryBodyFor,
  options: { dtype?: (input: DType) => DType } = {},
): KernelFn<K, GpuJsBackend> {
  return (({ inputs: { a, b }, backend }: { inputs: BinarySpec['inputs']; backend: GpuJsBackend }) => {
    const shape = broadcastShapes(op, a.shape, b.shape);
    const dtype = options.dtype?.(a.dtype) ?? a.dtype;
    const chosen = typeof body === 'function' ? body(a.dtype) : body;
    return runElementwise(backend, `${op}:${a.dtype}`, [a, b], ['a', 'b'], shape, dtype, asBody(chosen));
  }) as KernelFn<K, GpuJsBackend>;
}
