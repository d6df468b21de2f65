import type { DType, TypedArray } from '../../../../dtype.js';
import type { TensorInfo } from '../../../../kernels/op-specs.js';
import { sizeOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';

/** Computes `out[i] = f(x[i])` for `i < n`. */
export type UnaryLoop = (x: TypedArray, out: TypedArray, n: number) => void;

/** What a unary kernel reads of its arguments. */
interface UnaryArgs {
  readonly inputs: { readonly x: TensorInfo };
  readonly backend: CpuBackend;
}

/**
 * Builds an elementwise unary kernel. `loopFor` picks the loop for the input dtype; the output
 * has `outDType`, or the input dtype when it is omitted.
 */
export function unaryKernel(loopFor: (dtype: DType) => UnaryLoop, outDType?: DType): (args: UnaryArgs) => TensorInfo {
  return ({ inputs: { x }, backend }) => {
    const dtype = outDType ?? x.dtype;
    const n = sizeOf(x.shape);
    const out = backend.uninitialized(dtype, n);
    loopFor(x.dtype)(backend.values(x), out, n);
    return backend.output(out, x.shape, dtype);
  };
}

/** Copies the input unchanged (ops that are the identity on some dtypes). */
export const copyLoop: UnaryLoop = (x, out, n) => out.set(x.length === n ? x : x.subarray(0, n));
