import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { anyEmpty, convGeometry, convKey, inverseTap, tapLoops } from './window-source.js';

/**
 * `Conv2DBackpropInput` (also the transposed convolution): `dy: [N, O, H', W']`,
 * `w: [O, C/groups, kh, kw]` → `dx: inputShape`. Gather-style: one thread per `dx` element loops
 * over the kernel taps, finds the output position (if any) whose window reads it through that
 * tap, and sums `dy · w` over the group's output channels there. Positions no window reaches
 * (e.g. a transposed convolution's output padding) get 0.
 */
export const conv2DBackpropInput: KernelFn<'Conv2DBackpropInput', GpuJsBackend> = ({
  inputs: { dy, w },
  attrs,
  backend,
}) => {
  const g = convGeometry(attrs.inputShape, w.shape, dy.shape, attrs);
  const { rows, cols } = g;
  const shape = [...attrs.inputShape];
  if (anyEmpty(dy, w)) return backend.fill(shape, dy.dtype, 0);
  return backend.run({
    key: `${convKey('Conv2DBackpropInput', attrs)}:${shape.join(',')}`,
    inputs: [dy, w],
    shape,
    dtype: dy.dtype,
    build: () => {
      const outPlane = rows.out * cols.out;
      const taps = rows.k * cols.k;
      const row = inverseTap(rows, 'oy', 'c3', 'i');
      const col = inverseTap(cols, 'ox', 'c4', 'j');
      const sum =
        `const at = dyBase + oy * ${literal(cols.out)} + ox; const wAt = wBase + i * ${literal(cols.k)} + j; ` +
        `for (let o = 0; o < ${g.og}; o++) { sum += dy[at + o * ${literal(outPlane)}] * w[wAt + o * ${literal(g.cg * taps)}]; }`;
      return {
        source:
          `function (dy, w) { ${unravel('this.thread.x', [g.n, g.groups, g.cg, rows.size, cols.size], 'c')} ` +
          `const dyBase = c0 * ${literal(g.o * outPlane)} + c1 * ${literal(g.og * outPlane)}; ` +
          `const wBase = c1 * ${literal(g.og * g.cg * taps)} + c2 * ${literal(taps)}; ` +
          `let sum = 0; ` +
          tapLoops(rows, cols, row, col, sum) +
          ` return sum; }`,
        loopMax: Math.max(g.og, rows.k, cols.k),
      };
    },
  });
};
