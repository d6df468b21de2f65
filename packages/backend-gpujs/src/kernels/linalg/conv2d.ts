import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { anyEmpty, convGeometry, convKey, forwardTap, tapLoops } from './window-source.js';

/**
 * `Conv2D` (cross-correlation): `x: [N, C, H, W]`, `w: [O, C/groups, kh, kw]` → `[N, O, H', W']`.
 * One thread per output element loops over its group's input channels and the kernel taps,
 * skipping taps in the (possibly asymmetric) zero padding. An empty sum gives zeros.
 */
export const conv2D: KernelFn<'Conv2D', GpuJsBackend> = ({ inputs: { x, w }, attrs, backend }) => {
  const g = convGeometry(x.shape, w.shape, null, attrs);
  const { rows, cols } = g;
  const shape = [g.n, g.o, rows.out, cols.out];
  if (anyEmpty(x, w)) return backend.fill(shape, x.dtype, 0);
  return backend.run({
    key: convKey('Conv2D', attrs),
    inputs: [x, w],
    shape,
    dtype: x.dtype,
    build: () => {
      const plane = rows.size * cols.size;
      const taps = rows.k * cols.k;
      const row = forwardTap(rows, 'ih', 'c3', 'i');
      const col = forwardTap(cols, 'iw', 'c4', 'j');
      const inner =
        `const xAt = xBase + ih * ${literal(cols.size)} + iw; const wAt = wBase + i * ${literal(cols.k)} + j; ` +
        `for (let ci = 0; ci < ${g.cg}; ci++) { sum += x[xAt + ci * ${literal(plane)}] * w[wAt + ci * ${literal(taps)}]; }`;
      return {
        source:
          `function (x, w) { ${unravel('this.thread.x', [g.n, g.groups, g.og, rows.out, cols.out], 'c')} ` +
          `const xBase = c0 * ${literal(g.c * plane)} + c1 * ${literal(g.cg * plane)}; ` +
          `const wBase = (c1 * ${literal(g.og)} + c2) * ${literal(g.cg * taps)}; ` +
          `let sum = 0; ` +
          tapLoops(rows, cols, row, col, inner) +
          ` return sum; }`,
        loopMax: Math.max(g.cg, rows.k, cols.k),
      };
    },
  });
};
