import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { BlockCursor, reducePlan } from './plan.js';

/**
 * Builds the `All` or `Any` kernel: any dtype in, `bool` out; an element is true when it is not 0
 * (NaN is true). The empty `All` is true, the empty `Any` false.
 */
export function logicalKernel(op: 'All' | 'Any'): KernelFn<'All' | 'Any', CpuBackend> {
  const isAll = op === 'All';
  // All: an output turns false at the first 0. Any: it turns true at the first non-zero.
  const start = isAll ? 1 : 0;
  const flipped = isAll ? 0 : 1;
  return ({ inputs: { x }, attrs: { axes, keepDim }, backend }) => {
    const xs = backend.values(x);
    const plan = reducePlan(x.shape, axes, keepDim);
    const { inner, innerReduced, blockCount } = plan;
    const out = new Uint8Array(plan.outSize);
    if (plan.reducedSize === 1) {
      for (let i = 0; i < xs.length; i++) out[i] = xs[i] !== 0 ? 1 : 0;
      return backend.output(out, plan.outShape, 'bool');
    }
    if (start !== 0) out.fill(start);
    const cursor = new BlockCursor(plan);
    for (let b = 0, p = 0; b < blockCount; b++, p += inner) {
      const o = cursor.out;
      if (innerReduced) {
        if (out[o] === start) {
          for (let i = 0; i < inner; i++) {
            if ((xs[p + i] !== 0 ? 1 : 0) === flipped) {
              out[o] = flipped;
              break;
            }
          }
        }
      } else {
        for (let i = 0; i < inner; i++) if ((xs[p + i] !== 0 ? 1 : 0) === flipped) out[o + i] = flipped;
      }
      cursor.next();
    }
    return backend.output(out, plan.outShape, 'bool');
  };
}
