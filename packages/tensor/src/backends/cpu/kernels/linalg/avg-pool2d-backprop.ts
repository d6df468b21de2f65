import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import type { NumericArray } from './gemm.js';
import { scratch } from './im2col.js';
import { axisDivisors, axisWindows, poolParams } from './pool-geometry.js';

/**
 * `AvgPool2DBackprop`: spreads each `dy: [N, C, H', W']` element, divided by its window's divisor
 * (as in `AvgPool2D`), over the window's input positions; produces `inputShape`. Accumulates in
 * double, rounds once.
 */
export const avgPool2DBackprop: KernelFn<'AvgPool2DBackprop', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { dy } = inputs;
  const [n, c, h, w] = attrs.inputShape;
  const [oh, ow] = [dy.shape[2]!, dy.shape[3]!];
  const [kh, kw, sh, sw, ph, pw] = poolParams(attrs);
  const size = n * c * h * w;
  const shape = [...attrs.inputShape];
  const dx = allocate(dy.dtype, size);
  if (size === 0 || oh * ow === 0) return backend.output(dx, shape, dy.dtype);
  const dyv = backend.values(dy) as NumericArray;
  const acc = scratch(1, size);
  acc.fill(0, 0, size);
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
        div = rowDiv[y]!;
      for (let q = 0; q < ow; q++, o++) {
        const jLo = cols.lo[q]!,
          jHi = cols.hi[q]!,
          x0 = cols.start[q]!;
        const g = dyv[o]! / (div * colDiv[q]!);
        for (let i = iLo; i < iHi; i++) {
          const row = base + (y0 + i) * w + x0;
          for (let j = jLo; j < jHi; j++) acc[row + j]! += g;
        }
      }
    }
  }
  dx.set(acc.subarray(0, size));
  return backend.output(dx, shape, dy.dtype);
};
