import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { gemm, gemmPackedB, packedBSize, type FloatArray, type NumericArray } from './gemm.js';
import { columnChunk, convGeometry, im2colPacked, isPointwise, scratch } from './im2col.js';

/**
 * `Conv2D`: `x: [N, C, H, W]`, `w: [O, C/groups, kh, kw]` → `[N, O, H', W']` (cross-correlation).
 * Per image and group, the input is unrolled straight into the packed-B layout of the blocked
 * product (`im2colPacked`, a reused `[C/g·kh·kw, H'·W']` column matrix) and multiplied by the
 * group's filters (`gemmPackedB`: double accumulation, one rounding). 1×1 stride-1 unpadded
 * convolutions skip the unrolling and multiply the input directly. Large images are unrolled a
 * chunk of output pixels at a time, so the scratch buffer stays under 8 MiB.
 */
export const conv2D: KernelFn<'Conv2D', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x, w } = inputs;
  const g = convGeometry(x.shape, w.shape, null, attrs);
  const dtype = x.dtype;
  const out = allocate(dtype, g.n * g.o * g.p) as FloatArray;
  const shape = [g.n, g.o, g.oh, g.ow];
  if (out.length === 0) return backend.output(out, shape, dtype);
  const xv = backend.values(x) as NumericArray;
  const wv = backend.values(w) as NumericArray;
  const pointwise = isPointwise(g);
  const chunk = columnChunk(g);
  const col = pointwise ? null : scratch(0, packedBSize(g.kc, Math.min(chunk, g.p)));
  for (let n = 0; n < g.n; n++) {
    for (let grp = 0; grp < g.groups; grp++) {
      const xOff = (n * g.c + grp * g.cg) * g.h * g.w;
      const yOff = (n * g.o + grp * g.og) * g.p;
      const wOff = grp * g.og * g.kc;
      if (col === null) {
        gemm(g.og, g.p, g.kc, wv, wOff, g.kc, 1, xv, xOff, g.p, 1, out, yOff, g.p, false);
      } else {
        for (let q0 = 0; q0 < g.p; q0 += chunk) {
          const q1 = Math.min(q0 + chunk, g.p);
          im2colPacked(xv, xOff, g, q0, q1, col);
          gemmPackedB(g.og, q1 - q0, g.kc, wv, wOff, g.kc, 1, col, out, yOff + q0, g.p, false);
        }
      }
    }
  }
  return backend.output(out, shape, dtype);
};
