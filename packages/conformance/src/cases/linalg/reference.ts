import type { DType } from '@nn/tensor';
import type { HostTensor } from '../../case-types.js';
import { roundTo, size } from '../../host.js';

/** Convolution geometry in plain numbers: `[top, bottom, left, right]` padding. */
export interface ConvSpec {
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number, number, number];
  readonly dilation: readonly [number, number];
  readonly groups: number;
}

/** A default `ConvSpec` with some fields replaced. */
export function convSpec(over: Partial<ConvSpec> = {}): ConvSpec {
  return { stride: [1, 1], padding: [0, 0, 0, 0], dilation: [1, 1], groups: 1, ...over };
}

/** A host tensor of `dtype`, every value rounded as a store into `dtype` would. */
export function host(shape: readonly number[], dtype: DType, values: ArrayLike<number>): HostTensor {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundTo(dtype, values[i]!);
  return { shape, dtype, values: out };
}

/**
 * `a @ b` with NumPy semantics (1-D operands, broadcast batch dims), summed in double (int32: with
 * 32-bit wrap-around), rounded to `dtype`.
 */
export function matmulRef(
  a: HostTensor,
  b: HostTensor,
  dtype: DType,
  transposeA = false,
  transposeB = false,
): HostTensor {
  const as = a.shape.length === 1 ? [1, a.shape[0]!] : [...a.shape];
  const bs = b.shape.length === 1 ? [b.shape[0]!, 1] : [...b.shape];
  const m = transposeA ? as[as.length - 1]! : as[as.length - 2]!;
  const k = transposeA ? as[as.length - 2]! : as[as.length - 1]!;
  const n = transposeB ? bs[bs.length - 2]! : bs[bs.length - 1]!;
  const ba = as.slice(0, -2);
  const bb = bs.slice(0, -2);
  const rank = Math.max(ba.length, bb.length);
  const batch: number[] = [];
  for (let d = 0; d < rank; d++) {
    const x = ba[d - rank + ba.length] ?? 1;
    const y = bb[d - rank + bb.length] ?? 1;
    batch.push(x === 1 ? y : x);
  }
  const total = size(batch);
  const values: number[] = [];
  for (let t = 0; t < total; t++) {
    // Batch index of the output, then of each operand (right-aligned, size-1 dims broadcast).
    let rest = t;
    const idx = new Array<number>(rank);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = rest % batch[d]!;
      rest = Math.floor(rest / batch[d]!);
    }
    const offsetOf = (bd: number[], matrix: number): number => {
      let flat = 0;
      for (let d = 0; d < bd.length; d++) flat = flat * bd[d]! + (bd[d] === 1 ? 0 : idx[d + rank - bd.length]!);
      return flat * matrix;
    };
    const oa = offsetOf(ba, m * k);
    const ob = offsetOf(bb, k * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const av = a.values[oa + (transposeA ? p * m + i : i * k + p)]!;
          const bv = b.values[ob + (transposeB ? j * k + p : p * n + j)]!;
          s = dtype === 'int32' ? (s + Math.imul(av, bv)) | 0 : s + av * bv;
        }
        values.push(s);
      }
    }
  }
  const shape = [...batch];
  if (a.shape.length > 1) shape.push(m);
  if (b.shape.length > 1) shape.push(n);
  return host(shape, dtype, values);
}

/** Direct 2-D cross-correlation `x: [N, C, H, W]`, `w: [O, C/g, kh, kw]`, optional bias, in double. */
export function conv2dRef(x: HostTensor, w: HostTensor, spec: ConvSpec, bias?: HostTensor): HostTensor {
  const [n, c, h, wd] = x.shape as [number, number, number, number];
  const [o, cg, kh, kw] = w.shape as [number, number, number, number];
  const [sh, sw] = spec.stride;
  const [pt, pb, pl, pr] = spec.padding;
  const [dh, dw] = spec.dilation;
  const oh = Math.floor((h + pt + pb - dh * (kh - 1) - 1) / sh) + 1;
  const ow = Math.floor((wd + pl + pr - dw * (kw - 1) - 1) / sw) + 1;
  const og = o / spec.groups;
  const out: number[] = [];
  for (let b = 0; b < n; b++) {
    for (let oc = 0; oc < o; oc++) {
      const g = Math.floor(oc / og);
      for (let y = 0; y < oh; y++) {
        for (let q = 0; q < ow; q++) {
          let s = bias === undefined ? 0 : bias.values[oc]!;
          for (let ci = 0; ci < cg; ci++) {
            for (let i = 0; i < kh; i++) {
              const ih = y * sh - pt + i * dh;
              if (ih < 0 || ih >= h) continue;
              for (let j = 0; j < kw; j++) {
                const iw = q * sw - pl + j * dw;
                if (iw < 0 || iw >= wd) continue;
                const xv = x.values[((b * c + g * cg + ci) * h + ih) * wd + iw]!;
                s += xv * w.values[((oc * cg + ci) * kh + i) * kw + j]!;
              }
            }
          }
          out.push(s);
        }
      }
    }
  }
  return host([n, o, oh, ow], x.dtype, out);
}

/**
 * Gradient of `conv2dRef` with respect to x, by its definition: every product `x·w` of the forward
 * pass sends `dy·w` back to the x position. `inputShape` may be larger than the forward needs (rows
 * no window reaches get 0), which is the transposed convolution's output padding.
 */
export function conv2dBackpropInputRef(
  dy: HostTensor,
  w: HostTensor,
  inputShape: readonly number[],
  spec: ConvSpec,
): HostTensor {
  const [n, c, h, wd] = inputShape as [number, number, number, number];
  const [o, cg, kh, kw] = w.shape as [number, number, number, number];
  const [, , oh, ow] = dy.shape as [number, number, number, number];
  const [sh, sw] = spec.stride;
  const [pt, , pl] = spec.padding;
  const [dh, dw] = spec.dilation;
  const og = o / spec.groups;
  const dx = new Float64Array(n * c * h * wd);
  for (let b = 0; b < n; b++) {
    for (let oc = 0; oc < o; oc++) {
      const g = Math.floor(oc / og);
      for (let y = 0; y < oh; y++) {
        for (let q = 0; q < ow; q++) {
          const gv = dy.values[((b * o + oc) * oh + y) * ow + q]!;
          for (let ci = 0; ci < cg; ci++) {
            for (let i = 0; i < kh; i++) {
              const ih = y * sh - pt + i * dh;
              if (ih < 0 || ih >= h) continue;
              for (let j = 0; j < kw; j++) {
                const iw = q * sw - pl + j * dw;
                if (iw < 0 || iw >= wd) continue;
                dx[((b * c + g * cg + ci) * h + ih) * wd + iw]! += gv * w.values[((oc * cg + ci) * kh + i) * kw + j]!;
              }
            }
          }
        }
      }
    }
  }
  return host(inputShape, dy.dtype, dx);
}

/** Gradient of `conv2dRef` with respect to w, by its definition (summed over the batch). */
export function conv2dBackpropFilterRef(
  x: HostTensor,
  dy: HostTensor,
  filterShape: readonly number[],
  spec: ConvSpec,
): HostTensor {
  const [n, c, h, wd] = x.shape as [number, number, number, number];
  const [o, cg, kh, kw] = filterShape as [number, number, number, number];
  const [, , oh, ow] = dy.shape as [number, number, number, number];
  const [sh, sw] = spec.stride;
  const [pt, , pl] = spec.padding;
  const [dh, dw] = spec.dilation;
  const og = o / spec.groups;
  const dwv = new Float64Array(o * cg * kh * kw);
  for (let oc = 0; oc < o; oc++) {
    const g = Math.floor(oc / og);
    for (let ci = 0; ci < cg; ci++) {
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) {
          let s = 0;
          for (let b = 0; b < n; b++) {
            for (let y = 0; y < oh; y++) {
              const ih = y * sh - pt + i * dh;
              if (ih < 0 || ih >= h) continue;
              for (let q = 0; q < ow; q++) {
                const iw = q * sw - pl + j * dw;
                if (iw < 0 || iw >= wd) continue;
                s +=
                  x.values[((b * c + g * cg + ci) * h + ih) * wd + iw]! * dy.values[((b * o + oc) * oh + y) * ow + q]!;
              }
            }
          }
          dwv[((oc * cg + ci) * kh + i) * kw + j] = s;
        }
      }
    }
  }
  return host(filterShape, x.dtype, dwv);
}

/** A K-scaled float32 tolerance for sums of `k` products (looser bounds for single-precision backends). */
export function sumTolerance(k: number, dtype: DType = 'float32'): { atol?: number } {
  return dtype === 'float32' ? { atol: Math.max(1e-5, 1e-5 * Math.sqrt(k)) } : {};
}

/** Reshapes a host tensor (same values). */
export function reshapeHost(t: HostTensor, shape: readonly number[]): HostTensor {
  return { shape, dtype: t.dtype, values: t.values };
}
