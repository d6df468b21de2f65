import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import type { NumericArray } from './gemm.js';
import { poolOutputSize } from '../../../../kernels/pool-output-size.js';
import { axisWindows, poolParams } from './pool-geometry.js';

/**
 * `MaxPool2D`: `x: [N, C, H, W]` → `[N, C, H', W']`, the maximum of each (dilated) window; padding
 * counts as −∞. NaN wins over every number, as in PyTorch.
 */
export const maxPool2D: KernelFn<'MaxPool2D', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [kh, kw, sh, sw, ph, pw] = poolParams(attrs);
  const [dh, dw] = attrs.dilation;
  const oh = poolOutputSize(h, kh, sh, ph, dh, attrs.ceilMode);
  const ow = poolOutputSize(w, kw, sw, pw, dw, attrs.ceilMode);
  const out = allocate(x.dtype, n * c * oh * ow);
  const shape = [n, c, oh, ow];
  if (out.length === 0) return backend.output(out, shape, x.dtype);
  const xv = backend.values(x) as NumericArray;
  if (
    kh === 2 &&
    kw === 2 &&
    sh === 2 &&
    sw === 2 &&
    ph === 0 &&
    pw === 0 &&
    dh === 1 &&
    dw === 1 &&
    2 * oh <= h &&
    2 * ow <= w
  ) {
    maxPool2x2(xv, out as NumericArray, n * c, h, w, oh, ow);
    return backend.output(out, shape, x.dtype);
  }
  const rows = axisWindows(oh, h, kh, sh, ph, dh);
  const cols = axisWindows(ow, w, kw, sw, pw, dw);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    const base = plane * h * w;
    for (let y = 0; y < oh; y++) {
      const iLo = rows.lo[y]!,
        iHi = rows.hi[y]!,
        y0 = rows.start[y]!;
      for (let q = 0; q < ow; q++, o++) {
        const jLo = cols.lo[q]!,
          jHi = cols.hi[q]!,
          x0 = cols.start[q]!;
        let best = -Infinity;
        for (let i = iLo; i < iHi; i++) {
          const row = base + (y0 + i * dh) * w + x0;
          for (let j = jLo; j < jHi; j++) {
            const v = xv[row + j * dw]!;
            if (v > best || v !== v) best = v;
          }
        }
        out[o] = best;
      }
    }
  }
  return backend.output(out, shape, x.dtype);
};

/** The common 2×2, stride-2, unpadded case with every window inside the input. */
function maxPool2x2(
  xv: NumericArray,
  out: NumericArray,
  planes: number,
  h: number,
  w: number,
  oh: number,
  ow: number,
): void {
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    for (let y = 0; y < oh; y++) {
      let top = plane * h * w + 2 * y * w;
      for (let q = 0; q < ow; q++, o++, top += 2) {
        const bottom = top + w;
        let best = xv[top]!;
        let v = xv[top + 1]!;
        if (v > best || v !== v) best = v;
        v = xv[bottom]!;
        if (v > best || v !== v) best = v;
        v = xv[bottom + 1]!;
        if (v > best || v !== v) best = v;
        out[o] = best;
      }
    }
  }
}
