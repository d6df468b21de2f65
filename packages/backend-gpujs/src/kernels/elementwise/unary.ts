import type { DType } from '@nn/tensor';
import type { KernelFn, OpsWithSpec, UnarySpec } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { asBody, copyAs, runElementwise, type BodyLike } from './elementwise.js';

/** How a unary kernel computes for one input dtype: a body of `v`, or `null` for the identity. */
export type UnaryBodyFor = (dtype: DType) => BodyLike | null;

/**
 * A unary elementwise kernel: `body` is the kernel body in terms of `v` (the input element), the
 * same for every dtype, or a function of the input dtype (returning `null` where the op is the
 * identity, which copies the input). `dtype` gives the output dtype from the input's (default:
 * the same).
 */
export function unaryKernel<K extends OpsWithSpec<UnarySpec>>(
  op: K,
  body: BodyLike | UnaryBodyFor,
  options: { dtype?: (input: DType) => DType } = {},
): KernelFn<K, GpuJsBackend> {
  return (({ inputs: { x }, backend }: { inputs: UnarySpec['inputs']; backend: GpuJsBackend }) => {
    const dtype = options.dtype?.(x.dtype) ?? x.dtype;
    const chosen = typeof body === 'function' ? body(x.dtype) : body;
    if (chosen === null) return copyAs(backend, x, dtype);
    return runElementwise(backend, `${op}:${x.dtype}`, [x], ['v'], x.shape, dtype, asBody(chosen));
  }) as KernelFn<K, GpuJsBackend>;
}

/** Output dtype `bool`, whatever the input. */
export const toBool = (): DType => 'bool';

/** A body for float inputs and the identity on int32 and bool (rounding ops). */
export function floatOnly(body: BodyLike): UnaryBodyFor {
  return (dtype) => (dtype === 'float32' ? body : null);
}
