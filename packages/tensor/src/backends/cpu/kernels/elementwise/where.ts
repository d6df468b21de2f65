import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { broadcastShapes, sizeOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { forEachRows } from './broadcast.js';

/**
 * CPU kernel of `Where`: `condition ? a : b` elementwise, all three broadcasting; `condition` is
 * bool and `a`, `b` share the output dtype.
 */
export const whereKernel: KernelFn<'Where', CpuBackend> = ({ inputs: { condition, a, b }, backend }) => {
  const shape = broadcastShapes('Where', condition.shape, a.shape, b.shape);
  const out = allocate(a.dtype, sizeOf(shape));
  const cv = backend.values(condition);
  const av = backend.values(a);
  const bv = backend.values(b);
  forEachRows([condition.shape, a.shape, b.shape], shape, (r) => {
    const { len, count, offs, steps } = r;
    const sc = steps[0]!;
    const sa = steps[1]!;
    const sb = steps[2]!;
    const oc = offs[0]!;
    const oa = offs[1]!;
    const ob = offs[2]!;
    for (let k = 0, o = r.out; k < count; k++, o += len) {
      const jc = oc[k]!;
      const ja = oa[k]!;
      const jb = ob[k]!;
      if (sc === 1 && sa === 1 && sb === 1) {
        for (let i = 0; i < len; i++) out[o + i] = cv[jc + i] ? av[ja + i]! : bv[jb + i]!;
      } else if (sc === 0) {
        // One condition for the whole row: copy a row of `a` or of `b`.
        const src = cv[jc] ? av : bv;
        const j = cv[jc] ? ja : jb;
        if ((cv[jc] ? sa : sb) === 1) for (let i = 0; i < len; i++) out[o + i] = src[j + i]!;
        else out.fill(src[j]!, o, o + len);
      } else {
        for (let i = 0, p = ja, q = jb; i < len; i++, p += sa, q += sb) out[o + i] = cv[jc + i] ? av[p]! : bv[q]!;
      }
    }
  });
  return backend.output(out, shape, a.dtype);
};
