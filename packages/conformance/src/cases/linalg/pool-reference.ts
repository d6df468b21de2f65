import type { HostTensor } from '../../case-types.js';
import { size } from '../../host.js';
import { host } from './reference.js';

/** Pooling geometry: `[kh, kw]`, `[sh, sw]`, `[ph, pw]`, `[dh, dw]`. */
export interface PoolSpec {
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly ceilMode: boolean;
}

/** A `PoolSpec` for `kernel`, stride defaulting to the kernel. */
export function poolSpec(kernel: readonly [number, number], over: Partial<PoolSpec> = {}): PoolSpec {
  return { kernel, stride: kernel, padding: [0, 0], dilation: [1, 1], ceilMode: false, ...over };
}

/** PyTorch's `pooling_output_shape`. */
export function poolOut(size: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const num = size + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0);
  let out = Math.floor(num / s) + 1;
  if (ceil && (out - 1) * s >= size + p) out -= 1;
  return out;
}

/**
 * Max pooling by definition, also returning each output's argmax (flat index into x): the first
 * valid window position starts as the candidate, then `v > best || isNaN(v)` replaces it (PyTorch).
 */
export function maxPoolRef(x: HostTensor, spec: PoolSpec): { out: HostTensor; argmax: number[] } {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [kh, kw] = spec.kernel;
  const [sh, sw] = spec.stride;
  const [ph, pw] = spec.padding;
  const [dh, dw] = spec.dilation;
  const oh = poolOut(h, kh, sh, ph, dh, spec.ceilMode);
  const ow = poolOut(w, kw, sw, pw, dw, spec.ceilMode);
  const values: number[] = [];
  const argmax: number[] = [];
  for (let plane = 0; plane < n * c; plane++) {
    for (let y = 0; y < oh; y++) {
      for (let q = 0; q < ow; q++) {
        let best = -Infinity;
        let at = -1;
        for (let i = 0; i < kh; i++) {
          const ih = y * sh - ph + i * dh;
          if (ih < 0 || ih >= h) continue;
          for (let j = 0; j < kw; j++) {
            const iw = q * sw - pw + j * dw;
            if (iw < 0 || iw >= w) continue;
            const idx = (plane * h + ih) * w + iw;
            const v = x.values[idx]!;
            if (at === -1) at = idx;
            if (v > best || Number.isNaN(v)) {
              best = v;
              at = idx;
            }
          }
        }
        values.push(best);
        argmax.push(at);
      }
    }
  }
  return { out: host([n, c, oh, ow], x.dtype, values), argmax };
}

/** Gradient of max pooling: each dy element added at its window's argmax. */
export function maxPoolBackpropRef(dy: HostTensor, x: HostTensor, spec: PoolSpec): HostTensor {
  const { argmax } = maxPoolRef(x, spec);
  const dx = new Float64Array(size(x.shape));
  argmax.forEach((at, o) => {
    dx[at]! += dy.values[o]!;
  });
  return host(x.shape, dy.dtype, dx);
}

/** Each average-pooling window of one axis: `[first, end)` clipped to the input, and its divisor. */
function avgWindows(
  size: number,
  out: number,
  k: number,
  s: number,
  p: number,
  countIncludePad: boolean,
): [number, number, number][] {
  const res: [number, number, number][] = [];
  for (let q = 0; q < out; q++) {
    const start = q * s - p;
    const end = Math.min(start + k, size + p);
    const lo = Math.max(start, 0);
    const hi = Math.min(end, size);
    res.push([lo, hi, countIncludePad ? end - start : hi - lo]);
  }
  return res;
}

/** Average pooling with PyTorch's divisor rules. */
export function avgPoolRef(x: HostTensor, spec: PoolSpec, countIncludePad: boolean): HostTensor {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const oh = poolOut(h, spec.kernel[0], spec.stride[0], spec.padding[0], 1, spec.ceilMode);
  const ow = poolOut(w, spec.kernel[1], spec.stride[1], spec.padding[1], 1, spec.ceilMode);
  const rows = avgWindows(h, oh, spec.kernel[0], spec.stride[0], spec.padding[0], countIncludePad);
  const cols = avgWindows(w, ow, spec.kernel[1], spec.stride[1], spec.padding[1], countIncludePad);
  const values: number[] = [];
  for (let plane = 0; plane < n * c; plane++) {
    for (const [r0, r1, rd] of rows) {
      for (const [c0, c1, cd] of cols) {
        let s = 0;
        for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) s += x.values[(plane * h + i) * w + j]!;
        values.push(s / (rd * cd));
      }
    }
  }
  return host([n, c, oh, ow], x.dtype, values);
}

/** Gradient of average pooling: each dy element divided by its divisor, added over its window. */
export function avgPoolBackpropRef(
  dy: HostTensor,
  inputShape: readonly number[],
  spec: PoolSpec,
  countIncludePad: boolean,
): HostTensor {
  const [n, c, h, w] = inputShape as [number, number, number, number];
  const [, , oh, ow] = dy.shape as [number, number, number, number];
  const rows = avgWindows(h, oh, spec.kernel[0], spec.stride[0], spec.padding[0], countIncludePad);
  const cols = avgWindows(w, ow, spec.kernel[1], spec.stride[1], spec.padding[1], countIncludePad);
  const dx = new Float64Array(n * c * h * w);
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    for (const [r0, r1, rd] of rows) {
      for (const [c0, c1, cd] of cols) {
        const g = dy.values[o++]! / (rd * cd);
        for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) dx[(plane * h + i) * w + j]! += g;
      }
    }
  }
  return host(inputShape, dy.dtype, dx);
}

/** Adaptive average pooling: window `[⌊i·In/Out⌋, ⌈(i+1)·In/Out⌉)` per output index. */
export function adaptiveAvgPoolRef(x: HostTensor, oh: number, ow: number): HostTensor {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const values: number[] = [];
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      const r0 = Math.floor((i * h) / oh);
      const r1 = Math.ceil(((i + 1) * h) / oh);
      for (let j = 0; j < ow; j++) {
        const c0 = Math.floor((j * w) / ow);
        const c1 = Math.ceil(((j + 1) * w) / ow);
        let s = 0;
        for (let y = r0; y < r1; y++) for (let q = c0; q < c1; q++) s += x.values[(plane * h + y) * w + q]!;
        values.push(s / ((r1 - r0) * (c1 - c0)));
      }
    }
  }
  return host([n, c, oh, ow], x.dtype, values);
}
