import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import type { NumericArray } from './gemm.js';
import { scratch } from './im2col.js';
import { axisWindows, poolParams } from './pool-geometry.js';

/**
 * `MaxPool2DBackprop`: routes each `dy: [N, C, H', W']` element to the position in `x` of its
 * window's maximum (the first one in row-major window order, the last NaN if any — PyTorch's
 * indices), summing where windows overlap. Accumulates in double, rounds once.
 */
export const maxPool2DBackprop: KernelFn<'MaxPool2DBackprop', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { dy, x } = inputs;
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [oh, ow] = [dy.shape[2]!, dy.shape[3]!];
  const [kh, kw, sh, sw, ph, pw] = poolParams(attrs);
  const [dh, dw] = attrs.dilation;
  const size = n * c * h * w;
  const dx = allocate(dy.dtype, size);
  if (size === 0 || oh * ow === 0) return backend.output(dx, x.shape, dy.dtype);
  const xv = backend.values(x) as NumericArray;
  const dyv = backend.values(dy) as NumericArray;
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
    // Non-overlapping windows: each input position receives at most one gradient, no accumulator needed.
    route2x2(xv, dyv, dx as NumericArray, n * c, h, w, oh, ow);
    return backend.output(dx, x.shape, dy.dtype);
  }
  const acc = scratch(1, size);
  acc.fill(0, 0, size);
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
        if (iLo >= iHi || jLo >= jHi) continue;
        let best = -Infinity;
        let at = base + (y0 + iLo * dh) * w + x0 + jLo * dw;
        for (let i = iLo; i < iHi; i++) {
          const row = base + (y0 + i * dh) * w + x0;
          for (let j = jLo; j < jHi; j++) {
            const v = xv[row + j * dw]!;
            if (v > best || v !== v) {
              best = v;
              at = row + j * dw;
            }
          }
        }
        acc[at]! += dyv[o]!;
      }
    }
  }
  dx.set(acc.subarray(0, size));
  return backend.output(dx, x.shape, dy.dtype);
};

/** The common 2×2, stride-2, unpadded case: the gradient goes to the first maximum of each window. */
function route2x2(
  xv: NumericArray,
  dyv: NumericArray,
  dx: NumericArray,
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
        let at = top;
        let best = xv[top]!;
        let v = xv[top + 1]!;
        if (v > best || v !== v) {
          best = v;
          at = top + 1;
        }
        v = xv[top + w]!;
        if (v > best || v !== v) {
          best = v;
          at = top + w;
        }
        v = xv[top + w + 1]!;
        if (v > best || v !== v) at = top + w + 1;
        dx[at] = dyv[o]!;
      }
    }
  }
}
