import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { BlockCursor, reducePlan } from './plan.js';

/**
 * `Prod` over sorted `axes`. Floats multiply in double and round once on store; `int32` products
 * wrap like int32 arithmetic (`Math.imul`); `bool` products give int32 (1 when all are true). The
 * empty product is 1.
 */
export const prod: KernelFn<'Prod', CpuBackend> = ({ inputs: { x }, attrs: { axes, keepDim }, backend }) => {
  const xs = backend.values(x);
  const plan = reducePlan(x.shape, axes, keepDim);
  const { inner, innerReduced, blockCount } = plan;
  if (x.dtype === 'int32' || x.dtype === 'bool') {
    const out = new Int32Array(plan.outSize);
    if (plan.reducedSize === 1) {
      out.set(xs);
      return backend.output(out, plan.outShape, 'int32');
    }
    out.fill(1);
    const cursor = new BlockCursor(plan);
    for (let b = 0, p = 0; b < blockCount; b++, p += inner) {
      const o = cursor.out;
      if (innerReduced) {
        let s = out[o]!;
        for (let i = 0; i < inner; i++) s = Math.imul(s, xs[p + i]!);
        out[o] = s;
      } else {
        for (let i = 0; i < inner; i++) out[o + i] = Math.imul(out[o + i]!, xs[p + i]!);
      }
      cursor.next();
    }
    return backend.output(out, plan.outShape, 'int32');
  }
  if (plan.reducedSize === 1) return backend.output(xs.slice(), plan.outShape, x.dtype);
  const acc = new Float64Array(plan.outSize).fill(1);
  const cursor = new BlockCursor(plan);
  for (let b = 0, p = 0; b < blockCount; b++, p += inner) {
    const o = cursor.out;
    if (innerReduced) {
      let s = 1;
      for (let i = 0; i < inner; i++) s *= xs[p + i]!;
      acc[o]! *= s;
    } else {
      for (let i = 0; i < inner; i++) acc[o + i]! *= xs[p + i]!;
    }
    cursor.next();
  }
  return backend.output(x.dtype === 'float32' ? new Float32Array(acc) : acc, plan.outShape, x.dtype);
};
