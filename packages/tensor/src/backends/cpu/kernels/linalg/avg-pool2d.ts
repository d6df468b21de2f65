import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import type { NumericArray } from './gemm.js';
import { poolOutputSize } from '../../../../kernels/pool-output-size.js';
import { axisDivisors, axisWindows, poolParams } from './pool-geometry.js';

/**
 * `AvgPool2D`: `x: [N, C, H, W]` → `[N, C, H', W']`, each window's sum (in double) divided by
 * PyTorch's divisor: the window clipped to the padded input when `countIncludePad`, to the input
 * otherwise.
 */
export const avgPool2D: KernelFn<'AvgPool2D', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [kh, kw, sh, sw, ph, pw] = poolParams(attrs);
  const oh = poolOutputSize(h, kh, sh, ph, 1, attrs.ceilMode);
  const ow = poolOutputSize(w, kw, sw, pw, 1, attrs.ceilMode);
  const out = allocate(x.dtype, n * c * oh * ow);
  const shape = [n, c, oh, ow];
  if (out.length === 0) return backend.output(out, shape, x.dtype);
  const xv = backend.values(x) as NumericArray;
  const rows = axisWindows(oh, h, kh, sh, ph, 1);
  const cols = axisWindows(ow, w, kw, sw, pw, 1);
  const rowDiv = axisDivisors(oh, h, kh, sh, ph, attrs.countIncludePad);
  const colDiv = axisDivisors(ow, w, kw, sw, pw, attrs.countIncludePad);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    const base = plane * h * w;
    for (let y = 0; y < oh; y++) {
      const iLo = rows.lo[y]!,
        iHi = rows.hi[y]!,
        y0 = rows.start[y]!,
        dy = rowDiv[y]!;
      for (let q = 0; q < ow; q++, o++) {
        const jLo = cols.lo[q]!,
          jHi = cols.hi[q]!,
          x0 = cols.start[q]!;
        let sum = 0;
        for (let i = iLo; i < iHi; i++) {
          const row = base + (y0 + i) * w + x0;
          for (let j = jLo; j < jHi; j++) sum += xv[row + j]!;
        }
        out[o] = sum / (dy * colDiv[q]!);
      }
    }
  }
  return backend.output(out, shape, x.dtype);
};
