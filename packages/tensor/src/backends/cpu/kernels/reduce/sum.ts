import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { BlockCursor, reducePlan } from './plan.js';

/**
 * `Sum` over sorted `axes`. Floats accumulate in a JavaScript number (double) and round once on
 * store, so float32 sums stay exact up to 2^53. `int32` sums wrap like int32 arithmetic (every
 * partial sum is stored modulo 2^32, as `| 0` does); `bool` sums count the true elements as int32.
 */
export const sum: KernelFn<'Sum', CpuBackend> = ({ inputs: { x }, attrs: { axes, keepDim }, backend }) => {
  const xs = backend.values(x);
  const plan = reducePlan(x.shape, axes, keepDim);
  const { inner, innerReduced, blockCount } = plan;
  if (x.dtype === 'int32' || x.dtype === 'bool') {
    const out = new Int32Array(plan.outSize);
    if (plan.reducedSize === 1) {
      out.set(xs);
      return backend.output(out, plan.outShape, 'int32');
    }
    const cursor = new BlockCursor(plan);
    for (let b = 0, p = 0; b < blockCount; b++, p += inner) {
      const o = cursor.out;
      if (innerReduced) {
        let s = out[o]!;
        for (let i = 0; i < inner; i++) s = (s + xs[p + i]!) | 0;
        out[o] = s;
      } else {
        for (let i = 0; i < inner; i++) out[o + i] = out[o + i]! + xs[p + i]!;
      }
      cursor.next();
    }
    return backend.output(out, plan.outShape, 'int32');
  }
  const acc = new Float64Array(plan.outSize);
  if (plan.reducedSize === 1) {
    const copy = xs.slice();
    return backend.output(copy, plan.outShape, x.dtype);
  }
  const cursor = new BlockCursor(plan);
  for (let b = 0, p = 0; b < blockCount; b++, p += inner) {
    const o = cursor.out;
    if (innerReduced) {
      let s = 0;
      for (let i = 0; i < inner; i++) s += xs[p + i]!;
      acc[o]! += s;
    } else {
      for (let i = 0; i < inner; i++) acc[o + i]! += xs[p + i]!;
    }
    cursor.next();
  }
  return backend.output(x.dtype === 'float32' ? new Float32Array(acc) : acc, plan.outShape, x.dtype);
};
