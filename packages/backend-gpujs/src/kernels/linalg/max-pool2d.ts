import type { KernelFn, TensorInfo } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { anyEmpty, forwardTap, inverseTap, poolAxes, tapLoops, type WindowAxis } from './window-source.js';

/**
 * The maximum of every (dilated) window of `x: [N, C, H, W]`, or with `argmax` its position in the
 * image plane (`ih·W + iw`). Padding counts as −∞ (padded taps are skipped; every window has a
 * valid tap); the first maximum in row-major window order wins, and NaN wins over every number
 * (the last NaN), as in the CPU kernel. NaN is tested as `!(v === v)`: WebGPU's `!=` is an ordered
 * comparison (false for NaN), so `v !== v` would miss it there.
 */
function windowMax(
  backend: GpuJsBackend,
  x: TensorInfo,
  rows: WindowAxis,
  cols: WindowAxis,
  key: string,
  argmax: boolean,
): TensorInfo {
  const [n, c] = x.shape as [number, number];
  return backend.run({
    key: `${key}:${argmax ? 'argmax' : 'max'}`,
    inputs: [x],
    shape: [n, c, rows.out, cols.out],
    dtype: argmax ? 'int32' : x.dtype,
    build: () => {
      const row = forwardTap(rows, 'ih', 'c1', 'i');
      const col = forwardTap(cols, 'iw', 'c2', 'j');
      const take =
        `const here = ih * ${literal(cols.size)} + iw; const v = x[base + here]; ` +
        `if (at < 0 || v > best || !(v === v)) { best = v; at = here; }`;
      return {
        source:
          `function (x) { ${unravel('this.thread.x', [n * c, rows.out, cols.out], 'c')} ` +
          `const base = c0 * ${literal(rows.size * cols.size)}; let best = 0; let at = -1; ` +
          tapLoops(rows, cols, row, col, take) +
          ` return ${argmax ? 'at' : 'best'}; }`,
        loopMax: Math.max(rows.k, cols.k),
      };
    },
  });
}

/** `MaxPool2D`: `x: [N, C, H, W]` → `[N, C, H', W']`, the maximum of each (dilated) window. */
export const maxPool2D: KernelFn<'MaxPool2D', GpuJsBackend> = ({ inputs: { x }, attrs, backend }) => {
  const { rows, cols, key } = poolAxes(x.shape, attrs, attrs.dilation, 'MaxPool2D');
  const shape = [x.shape[0]!, x.shape[1]!, rows.out, cols.out];
  if (anyEmpty(x)) return backend.fill(shape, x.dtype, 0);
  return windowMax(backend, x, rows, cols, key, false);
};

/**
 * `MaxPool2DBackprop`: `dy: [N, C, H', W']`, `x: [N, C, H, W]` → `dx: [N, C, H, W]`. A first
 * kernel finds each window's maximum position (see `windowMax`); then, gather-style, each `dx`
 * element sums the `dy` of the windows that reach it and chose it.
 */
export const maxPool2DBackprop: KernelFn<'MaxPool2DBackprop', GpuJsBackend> = ({
  inputs: { dy, x },
  attrs,
  backend,
}) => {
  const { rows, cols, key } = poolAxes(x.shape, attrs, attrs.dilation, 'MaxPool2DBackprop');
  if (anyEmpty(dy, x)) return backend.fill(x.shape, dy.dtype, 0);
  const at = windowMax(backend, x, rows, cols, key, true);
  const dx = backend.run({
    key,
    inputs: [dy, at],
    shape: x.shape,
    dtype: dy.dtype,
    build: () => {
      const row = inverseTap(rows, 'oy', 'c1', 'i');
      const col = inverseTap(cols, 'ox', 'c2', 'j');
      const add = `const o = base + oy * ${literal(cols.out)} + ox; if (at[o] === here) { sum += dy[o]; }`;
      return {
        source:
          `function (dy, at) { ${unravel('this.thread.x', [x.shape[0]! * x.shape[1]!, rows.size, cols.size], 'c')} ` +
          `const base = c0 * ${literal(rows.out * cols.out)}; const here = c1 * ${literal(cols.size)} + c2; let sum = 0; ` +
          tapLoops(rows, cols, row, col, add) +
          ` return sum; }`,
        loopMax: Math.max(rows.k, cols.k),
      };
    },
  });
  backend.disposeData(at.dataId);
  return dx;
};
