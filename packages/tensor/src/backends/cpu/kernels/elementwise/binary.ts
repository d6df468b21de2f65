import type { DType, TypedArray } from '../../../../dtype.js';
import { allocate } from '../../../../dtype.js';
import type { TensorInfo } from '../../../../kernels/op-specs.js';
import { broadcastShapes, sizeOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { forEachRows, type Rows } from './broadcast.js';

/** Computes one block of rows of a binary op: `out[row k, i] = f(a[…], b[…])`. */
export type RowLoop = (a: TypedArray, b: TypedArray, out: TypedArray, rows: Rows) => void;

/** What a binary kernel reads of its arguments. */
interface BinaryArgs {
  readonly inputs: { readonly a: TensorInfo; readonly b: TensorInfo };
  readonly backend: CpuBackend;
}

/**
 * Builds a broadcasting binary kernel. `loopFor` picks the row loop for the (common) input dtype;
 * the output has `outDType`, or the input dtype when it is omitted.
 */
export function binaryKernel(
  op: string,
  loopFor: (dtype: DType) => RowLoop,
  outDType?: DType,
): (args: BinaryArgs) => TensorInfo {
  return ({ inputs: { a, b }, backend }) => {
    const shape = broadcastShapes(op, a.shape, b.shape);
    const dtype = outDType ?? a.dtype;
    const out = allocate(dtype, sizeOf(shape));
    const av = backend.values(a);
    const bv = backend.values(b);
    const loop = loopFor(a.dtype);
    forEachRows([a.shape, b.shape], shape, (rows) => loop(av, bv, out, rows));
    return backend.output(out, shape, dtype);
  };
}
