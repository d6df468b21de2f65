import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { anyEmpty, convGeometry, convKey, forwardTap, guarded } from './window-source.js';

/** The most elements of the per-chunk partial filter gradients (16 MiB of float32). */
const PARTIAL_ELEMENTS = 1 << 22;

/**
 * `Conv2DBackpropFilter`: `x: [N, C, H, W]`, `dy: [N, O, H', W']` → `dw: filterShape`
 * (`[O, C/groups, kh, kw]`). Gather-style: each filter element sums `dy · x` over the output
 * pixels its tap reads. The batch is split into chunks, each summed by its own threads into a
 * partial `[chunks, …filterShape]`, then a second kernel adds the chunks up — so a small filter
 * still gets many threads. An empty batch gives zeros.
 */
export const conv2DBackpropFilter: KernelFn<'Conv2DBackpropFilter', GpuJsBackend> = ({
  inputs: { x, dy },
  attrs,
  backend,
}) => {
  const g = convGeometry(x.shape, attrs.filterShape, dy.shape, attrs);
  const { rows, cols } = g;
  const shape = [...attrs.filterShape];
  const size = shape.reduce((a, b) => a * b, 1);
  if (anyEmpty(x, dy)) return backend.fill(shape, dy.dtype, 0);
  const most = Math.max(1, Math.min(g.n, Math.floor(PARTIAL_ELEMENTS / Math.max(size, 1))));
  const perChunk = Math.ceil(g.n / most);
  const chunks = Math.ceil(g.n / perChunk);
  const partial = backend.run({
    key: `${convKey('Conv2DBackpropFilter', attrs)}:${shape.join(',')}:${perChunk}`,
    inputs: [x, dy],
    shape: chunks === 1 ? shape : [chunks, ...shape],
    dtype: dy.dtype,
    build: () => {
      const plane = rows.size * cols.size;
      const outPlane = rows.out * cols.out;
      const row = forwardTap(rows, 'ih', 'oy', 'c4');
      const col = forwardTap(cols, 'iw', 'ox', 'c5');
      const pixel = `${col.decl} ` + guarded(col.conditions, `sum += dy[dyRow + ox] * x[xRow + iw];`);
      const sample =
        `const xBase = n * ${literal(g.c * plane)} + xOff; const dyBase = n * ${literal(g.o * outPlane)} + dyOff; ` +
        `for (let oy = 0; oy < ${rows.out}; oy++) { ${row.decl} ` +
        guarded(
          row.conditions,
          `const xRow = xBase + ih * ${literal(cols.size)}; const dyRow = dyBase + oy * ${literal(cols.out)}; ` +
            `for (let ox = 0; ox < ${cols.out}; ox++) { ${pixel} }`,
        ) +
        ' }';
      return {
        source:
          `function (x, dy) { ${unravel('this.thread.x', [chunks, g.groups, g.og, g.cg, rows.k, cols.k], 'c')} ` +
          `const xOff = (c1 * ${literal(g.cg)} + c3) * ${literal(plane)}; ` +
          `const dyOff = (c1 * ${literal(g.og)} + c2) * ${literal(outPlane)}; ` +
          `let sum = 0; for (let b = 0; b < ${perChunk}; b++) { const n = c0 * ${literal(perChunk)} + b; ` +
          (chunks * perChunk > g.n ? guarded([`n < ${literal(g.n)}`], sample) : sample) +
          ` } return sum; }`,
        loopMax: Math.max(perChunk, rows.out, cols.out),
      };
    },
  });
  if (chunks === 1) return partial;
  const total = backend.run({
    key: 'Conv2DBackpropFilter:chunks',
    inputs: [partial],
    shape,
    dtype: dy.dtype,
    build: () => ({
      source: `function (p) { let sum = 0; for (let b = 0; b < ${chunks}; b++) { sum += p[b * ${literal(size)} + this.thread.x]; } return sum; }`,
      loopMax: chunks,
    }),
  });
  backend.disposeData(partial.dataId);
  return total;
};
