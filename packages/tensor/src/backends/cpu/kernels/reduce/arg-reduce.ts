import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { assertNonEmptyReduction, axisLayout } from '../../../../kernels/kernel-checks.js';

// `better(v, best)`: v replaces the running best. NaN beats everything and is never replaced, so
// the first NaN wins (PyTorch); otherwise only a strictly better value replaces, so the first
// occurrence of the extreme wins.

function argRows(xs: TypedArray, out: Int32Array, outer: number, size: number, isMax: boolean): void {
  for (let o = 0, p = 0; o < outer; o++, p += size) {
    let best = xs[p]!;
    let at = 0;
    if (best === best) {
      for (let r = 1; r < size; r++) {
        const v = xs[p + r]!;
        if (isMax ? v > best : v < best) {
          best = v;
          at = r;
        } else if (v !== v) {
          at = r;
          break;
        }
      }
    }
    out[o] = at;
  }
}

function argColumns(xs: TypedArray, out: Int32Array, outer: number, size: number, inner: number, isMax: boolean): void {
  const best = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    const base = o * size * inner;
    const ob = o * inner;
    for (let i = 0; i < inner; i++) best[i] = xs[base + i]!;
    for (let r = 1; r < size; r++) {
      const q = base + r * inner;
      for (let i = 0; i < inner; i++) {
        const v = xs[q + i]!;
        const b = best[i]!;
        if ((isMax ? v > b : v < b) || (v !== v && b === b)) {
          best[i] = v;
          out[ob + i] = r;
        }
      }
    }
  }
}

/**
 * Builds the `ArgMax` or `ArgMin` kernel: the int32 index of the first extreme along `axis`
 * (NaN counts as the extreme, as in PyTorch). An empty axis throws an `IndexError`.
 */
export function argReduceKernel(op: 'ArgMax' | 'ArgMin'): KernelFn<'ArgMax' | 'ArgMin', CpuBackend> {
  const isMax = op === 'ArgMax';
  return ({ inputs: { x }, attrs: { axis, keepDim }, backend }) => {
    const xs = backend.values(x);
    const { outer, size, inner } = axisLayout(x.shape, axis);
    const outShape = x.shape.length === 0 ? [] : x.shape.flatMap((d, i) => (i !== axis ? [d] : keepDim ? [1] : []));
    const out = new Int32Array(outer * inner);
    assertNonEmptyReduction(op, x.shape, size, out.length);
    if (size > 1) {
      if (inner === 1) argRows(xs, out, outer, size, isMax);
      else argColumns(xs, out, outer, size, inner, isMax);
    }
    return backend.output(out, outShape, 'int32');
  };
}
