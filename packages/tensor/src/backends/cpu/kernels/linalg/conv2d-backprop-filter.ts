import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { gemm, gemmPackedB, packedBSize, type NumericArray } from './gemm.js';
import { columnChunk, convGeometry, im2colPackedT, isPointwise, scratch } from './im2col.js';

/**
 * `Conv2DBackpropFilter`: `x: [N, C, H, W]`, `dy: [N, O, H', W']` → `dw: filterShape`
 * (`[O, C/groups, kh, kw]`). Per image and group, `dw_g += dy_g · colᵀ`, with `colᵀ` unrolled
 * straight into the packed-B layout (`im2colPackedT` + `gemmPackedB`), summed over the batch in a
 * double accumulator and rounded once.
 */
export const conv2DBackpropFilter: KernelFn<'Conv2DBackpropFilter', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs;
  const g = convGeometry(x.shape, attrs.filterShape, dy.shape, attrs);
  const dtype = dy.dtype;
  const shape = [...attrs.filterShape];
  const size = g.o * g.kc;
  const dw = allocate(dtype, size);
  if (size === 0 || g.n === 0 || g.p === 0) return backend.output(dw, shape, dtype);
  const xv = backend.values(x) as NumericArray;
  const dyv = backend.values(dy) as NumericArray;
  const acc = scratch(1, size);
  acc.fill(0, 0, size);
  const pointwise = isPointwise(g);
  const chunk = columnChunk(g);
  const col = pointwise ? null : scratch(0, packedBSize(Math.min(chunk, g.p), g.kc));
  for (let n = 0; n < g.n; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const xOff = (n * g.c + grp * g.cg) * g.h * g.w;
      const dyOff = (n * g.o + grp * g.og) * g.p;
      const accOff = grp * g.og * g.kc;
      // Pointwise: B = xᵀ, element (q, r) of the [p, kc] matrix is x[xOff + r·p + q].
      if (col === null) {
        gemm(g.og, g.kc, g.p, dyv, dyOff, g.p, 1, xv, xOff, 1, g.p, acc, accOff, g.kc, true);
      } else {
        for (let q0 = 0; q0 < g.p; q0 += chunk) {
          const q1 = Math.min(q0 + chunk, g.p);
          im2colPackedT(xv, xOff, g, q0, q1, col);
          gemmPackedB(g.og, g.kc, q1 - q0, dyv, dyOff + q0, g.p, 1, col, acc, accOff, g.kc, true);
        }
      }
    }
  }
  dw.set(acc.subarray(0, size));
  return backend.output(dw, shape, dtype);
};
