import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { anyEmpty, forwardTap, inverseTap, poolAxes, tapLoops, type WindowAxis } from './window-source.js';

/**
 * Declares `name`, the divisor along one axis of the window of output position `q`, as PyTorch
 * computes it: the window clipped to the padded input (`countIncludePad`) or to the input itself.
 */
function divisor(axis: WindowAxis, name: string, q: string, countIncludePad: boolean): string {
  const { size, k, stride, pad } = axis;
  const start = `${name}s`;
  const end = `${name}e`;
  return (
    `const ${start} = ${q} * ${literal(stride)} - ${literal(pad)}; ` +
    `const ${end} = Math.min(${start} + ${literal(k)}, ${literal(size + pad)}); ` +
    `const ${name} = ${countIncludePad ? `${end} - ${start}` : `Math.min(${end}, ${literal(size)}) - Math.max(${start}, 0)`};`
  );
}

/**
 * `AvgPool2D`: `x: [N, C, H, W]` → `[N, C, H', W']`, each window's sum divided by its divisor
 * (see `divisor`); padded taps are skipped.
 */
export const avgPool2D: KernelFn<'AvgPool2D', GpuJsBackend> = ({ inputs: { x }, attrs, backend }) => {
  const { rows, cols, key } = poolAxes(x.shape, attrs, [1, 1], 'AvgPool2D');
  const shape = [x.shape[0]!, x.shape[1]!, rows.out, cols.out];
  if (anyEmpty(x)) return backend.fill(shape, x.dtype, 0);
  return backend.run({
    key: `${key}:${attrs.countIncludePad}`,
    inputs: [x],
    shape,
    dtype: x.dtype,
    build: () => {
      const row = forwardTap(rows, 'ih', 'c1', 'i');
      const col = forwardTap(cols, 'iw', 'c2', 'j');
      const add = `sum += x[base + ih * ${literal(cols.size)} + iw];`;
      return {
        source:
          `function (x) { ${unravel('this.thread.x', [x.shape[0]! * x.shape[1]!, rows.out, cols.out], 'c')} ` +
          `const base = c0 * ${literal(rows.size * cols.size)}; let sum = 0; ` +
          tapLoops(rows, cols, row, col, add) +
          ` ${divisor(rows, 'dr', 'c1', attrs.countIncludePad)} ${divisor(cols, 'dc', 'c2', attrs.countIncludePad)} ` +
          `return sum / (dr * dc); }`,
        loopMax: Math.max(rows.k, cols.k),
      };
    },
  });
};

/**
 * `AvgPool2DBackprop`: `dy: [N, C, H', W']` → `dx: inputShape`. Gather-style: each `dx` element
 * sums `dy / divisor` over the windows that reach it.
 */
export const avgPool2DBackprop: KernelFn<'AvgPool2DBackprop', GpuJsBackend> = ({ inputs: { dy }, attrs, backend }) => {
  const { rows, cols, key } = poolAxes(attrs.inputShape, attrs, [1, 1], 'AvgPool2DBackprop');
  const shape = [...attrs.inputShape];
  if (anyEmpty(dy)) return backend.fill(shape, dy.dtype, 0);
  return backend.run({
    key: `${key}:${attrs.countIncludePad}`,
    inputs: [dy],
    shape,
    dtype: dy.dtype,
    build: () => {
      const row = inverseTap(rows, 'oy', 'c1', 'i');
      const col = inverseTap(cols, 'ox', 'c2', 'j');
      const add =
        `${divisor(cols, 'dc', 'ox', attrs.countIncludePad)} ` +
        `sum += dy[base + oy * ${literal(cols.out)} + ox] / (dr * dc);`;
      return {
        source:
          `function (dy) { ${unravel('this.thread.x', [shape[0]! * shape[1]!, rows.size, cols.size], 'c')} ` +
          `const base = c0 * ${literal(rows.out * cols.out)}; let sum = 0; ` +
          tapLoops(rows, cols, row, col, add, divisor(rows, 'dr', 'oy', attrs.countIncludePad)) +
          ` return sum; }`,
        loopMax: Math.max(rows.k, cols.k),
      };
    },
  });
};
