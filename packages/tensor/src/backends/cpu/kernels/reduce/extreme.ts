import type { DType, TypedArray } from '../../../../dtype.js';
import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { assertNonEmptyReduction } from '../../../../kernels/kernel-checks.js';
import { BlockCursor, reducePlan } from './plan.js';

/** The value every element beats: the start of a running max (or min, when `isMax` is false). */
function lowest(dtype: DType, isMax: boolean): number {
  if (dtype === 'bool') return isMax ? 0 : 1;
  if (dtype === 'int32') return isMax ? -2147483648 : 2147483647;
  return isMax ? -Infinity : Infinity;
}

function reduceMax(xs: TypedArray, out: TypedArray, cursor: BlockCursor, blockCount: number, inner: number, innerReduced: boolean): void {
  for (let b = 0, p = 0; b < blockCount; b++, p += inner) {
    const o = cursor.out;
    if (innerReduced) {
      let m = out[o]!;
      if (m === m) {
        for (let i = 0; i < inner; i++) {
          const v = xs[p + i]!;
          if (v > m) m = v;
          else if (v !== v) {
            m = v;
            break;
          }
        }
        out[o] = m;
      }
    } else {
      for (let i = 0; i < inner; i++) {
        const v = xs[p + i]!;
        if (v > out[o + i]! || v !== v) out[o + i] = v;
      }
    }
    cursor.next();
  }
}

function reduceMin(xs: TypedArray, out: TypedArray, cursor: BlockCursor, blockCount: number, inner: number, innerReduced: boolean): void {
  for (let b = 0, p = 0; b < blockCount; b++, p += inner) {
    const o = cursor.out;
    if (innerReduced) {
      let m = out[o]!;
      if (m === m) {
        for (let i = 0; i < inner; i++) {
          const v = xs[p + i]!;
          if (v < m) m = v;
          else if (v !== v) {
            m = v;
            break;
          }
        }
        out[o] = m;
      }
    } else {
      for (let i = 0; i < inner; i++) {
        const v = xs[p + i]!;
        if (v < out[o + i]! || v !== v) out[o + i] = v;
      }
    }
    cursor.next();
  }
}

/**
 * Builds the `Max` or `Min` kernel. The output keeps the input dtype; a NaN anywhere in a reduced
 * set makes that output NaN (as in PyTorch). An empty reduction throws an `IndexError`.
 */
export function extremeKernel(op: 'Max' | 'Min'): KernelFn<'Max' | 'Min', CpuBackend> {
  const isMax = op === 'Max';
  return ({ inputs: { x }, attrs: { axes, keepDim }, backend }) => {
    const xs = backend.values(x);
    const plan = reducePlan(x.shape, axes, keepDim);
    assertNonEmptyReduction(op, x.shape, plan.reducedSize, plan.outSize);
    if (plan.reducedSize === 1) return backend.output(xs.slice(), plan.outShape, x.dtype);
    const out = allocate(x.dtype, plan.outSize);
    out.fill(lowest(x.dtype, isMax));
    const cursor = new BlockCursor(plan);
    if (isMax) reduceMax(xs, out, cursor, plan.blockCount, plan.inner, plan.innerReduced);
    else reduceMin(xs, out, cursor, plan.blockCount, plan.inner, plan.innerReduced);
    return backend.output(out, plan.outShape, x.dtype);
  };
}
