import type { DType, TypedArray } from '../../../../dtype.js';
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
    const out = backend.uninitialized(dtype, sizeOf(shape));
    const av = backend.values(a);
    const bv = backend.values(b);
    const loop = loopFor(a.dtype);
    forEachRows([a.shape, b.shape], shape, (rows) => loop(av, bv, out, rows));
    return backend.output(out, shape, dtype);
  };
}

/**
 * The element loops of one float32 binary op `f`, each over `n` elements. Every op has its own
 * functions, which only ever see Float32Array storage, so V8 keeps their element accesses
 * monomorphic; they are unrolled 8-fold, because V8 re-checks each typed array's map, length and
 * data pointer on every loop iteration, and unrolling shares those checks among eight elements.
 */
export interface F32Loops {
  /** `out[j + i] = f(a[j + i], b[j + i])`: both operands at the output's offset (same shapes). */
  readonly same: (a: Float32Array, b: Float32Array, out: Float32Array, j: number, n: number) => void;
  /** `out[o + i] = f(a[ja + i], b[jb + i])`. */
  readonly vv: (
    a: Float32Array,
    b: Float32Array,
    out: Float32Array,
    ja: number,
    jb: number,
    o: number,
    n: number,
  ) => void;
  /** `out[o + i] = f(a[ja + i], y)`. */
  readonly vs: (a: Float32Array, y: number, out: Float32Array, ja: number, o: number, n: number) => void;
  /** `out[o + i] = f(x, b[jb + i])`. */
  readonly sv: (x: number, b: Float32Array, out: Float32Array, jb: number, o: number, n: number) => void;
  /** `f(x, y)` for a row where both operands are broadcast. */
  readonly one: (x: number, y: number) => number;
}

/**
 * A row loop for float32 storage: picks one of `loops` per row (so the branch on the operand steps
 * is taken once per row, never per element). The caller guarantees Float32Array inputs and output.
 */
export function f32Rows(loops: F32Loops): RowLoop {
  return (a, b, out, r) => {
    const fa = a as Float32Array;
    const fb = b as Float32Array;
    const fo = out as Float32Array;
    const { len, count, offs, steps } = r;
    const sa = steps[0]!;
    const sb = steps[1]!;
    const oa = offs[0]!;
    const ob = offs[1]!;
    for (let k = 0, o = r.out; k < count; k++, o += len) {
      const ja = oa[k]!;
      const jb = ob[k]!;
      if (sa === 1 && sb === 1) {
        if (ja === o && jb === o) loops.same(fa, fb, fo, o, len);
        else loops.vv(fa, fb, fo, ja, jb, o, len);
      } else if (sa === 1) loops.vs(fa, fb[jb]!, fo, ja, o, len);
      else if (sb === 1) loops.sv(fa[ja]!, fb, fo, jb, o, len);
      else fo.fill(loops.one(fa[ja]!, fb[jb]!), o, o + len);
    }
  };
}
