import type { Pool2DAttrs } from '../../../../kernels/op-specs.js';


/**
 * For each output position `q` along one axis, the first and one-past-last kernel taps `t` whose
 * input index `q·stride − pad + t·dilation` lies in `[0, size)`, plus the window's start index.
 * Returned as flat arrays `lo[q]`, `hi[q]`, `start[q]` so kernels do no per-element arithmetic.
 */
export interface AxisWindows {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly start: Int32Array;
}

/** The valid taps of every window along one axis (see `AxisWindows`). */
export function axisWindows(
  out: number,
  size: number,
  k: number,
  stride: number,
  pad: number,
  dilation: number,
): AxisWindows {
  const lo = new Int32Array(out);
  const hi = new Int32Array(out);
  const start = new Int32Array(out);
  for (let q = 0; q < out; q++) {
    const s = q * stride - pad;
    start[q] = s;
    const first = s < 0 ? Math.ceil(-s / dilation) : 0;
    const last = Math.min(k, Math.floor((size - 1 - s) / dilation) + 1);
    lo[q] = Math.min(first, k);
    hi[q] = Math.max(lo[q]!, last);
  }
  return { lo, hi, start };
}

/**
 * The divisor of each average-pooling window along one axis, as PyTorch computes it: the window
 * clipped to the padded input (`countIncludePad`) or to the input itself.
 */
export function axisDivisors(
  out: number,
  size: number,
  k: number,
  stride: number,
  pad: number,
  countIncludePad: boolean,
): Int32Array {
  const div = new Int32Array(out);
  for (let q = 0; q < out; q++) {
    const s = q * stride - pad;
    const e = Math.min(s + k, size + pad);
    div[q] = countIncludePad ? e - s : Math.min(e, size) - Math.max(s, 0);
  }
  return div;
}

/** Unpacks the shared pooling attrs. */
export function poolParams(
  attrs: Pool2DAttrs,
): [kh: number, kw: number, sh: number, sw: number, ph: number, pw: number] {
  return [
    attrs.kernelSize[0],
    attrs.kernelSize[1],
    attrs.stride[0],
    attrs.stride[1],
    attrs.padding[0],
    attrs.padding[1],
  ];
}
