import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { gemm, type FloatArray, type NumericArray } from './gemm.js';
import { col2im, columnChunk, convGeometry, isPointwise, scratch } from './im2col.js';

/**
 * `Conv2DBackpropInput`: `dy: [N, O, H', W']`, `w: [O, C/groups, kh, kw]` → `dx: inputShape`.
 * Per image and group, `dcol = wᵀ · dy` (blocked `gemm`, transposed packing) is scattered back onto
 * the input grid (`col2im`) in a double accumulator, then rounded once. Rows and columns of `dx`
 * that no window reaches (e.g. a transposed convolution's output padding) stay 0.
 */
export const conv2DBackpropInput: KernelFn<'Conv2DBackpropInput', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { dy, w } = inputs;
  const g = convGeometry(attrs.inputShape, w.shape, dy.shape, attrs);
  const dtype = dy.dtype;
  const shape = [...attrs.inputShape];
  const dx = allocate(dtype, g.n * g.c * g.h * g.w) as FloatArray;
  if (dx.length === 0 || g.p === 0) return backend.output(dx, shape, dtype);
  const dyv = backend.values(dy) as NumericArray;
  const wv = backend.values(w) as NumericArray;
  const plane = g.h * g.w;
  const pointwise = isPointwise(g);
  const chunk = columnChunk(g);
  const dcol = pointwise ? null : scratch(0, g.kc * Math.min(chunk, g.p));
  const acc = pointwise ? null : scratch(1, g.cg * plane);
  for (let n = 0; n < g.n; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const dyOff = (n * g.o + grp * g.og) * g.p;
      const dxOff = (n * g.c + grp * g.cg) * plane;
      const wOff = grp * g.og * g.kc;
      // A = w_gᵀ: element (r, o) of the [kc, og] matrix is w[wOff + o·kc + r].
      if (dcol === null || acc === null) {
        gemm(g.kc, g.p, g.og, wv, wOff, 1, g.kc, dyv, dyOff, g.p, 1, dx, dxOff, g.p, false);
        continue;
      }
      acc.fill(0, 0, g.cg * plane);
      for (let q0 = 0; q0 < g.p; q0 += chunk) {
        const q1 = Math.min(q0 + chunk, g.p);
        gemm(g.kc, q1 - q0, g.og, wv, wOff, 1, g.kc, dyv, dyOff + q0, g.p, 1, dcol, 0, q1 - q0, false);
        col2im(dcol, g, q0, q1, acc, 0);
      }
      dx.set(acc.subarray(0, g.cg * plane), dxOff);
    }
  }
  return backend.output(dx, shape, dtype);
};
