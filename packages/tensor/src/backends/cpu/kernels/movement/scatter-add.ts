import type { KernelFn } from '../../../../kernels/op-specs.js';
import { stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { indexOutOfRange } from '../../../../kernels/kernel-checks.js';

/**
 * `ScatterAdd` (PyTorch `scatter_add`, out of place): copies `x`, then for every position `p` of
 * `indices` adds `updates[p]` at `p` with its `axis` coordinate replaced by `indices[p]`. `updates`
 * may be larger than `indices` on any dim (only the indexed region is read). For `bool` the sum is a
 * logical or.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for an index value outside `[0, x.shape[axis])`.
 */
export const scatterAdd: KernelFn<'ScatterAdd', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x, indices, updates } = inputs;
  const { axis } = attrs;
  const out = backend.values(x).slice();
  const idx = backend.values(indices);
  const upd = backend.values(updates);
  if (idx.length === 0) return backend.output(out, x.shape, x.dtype);
  const xShape = x.shape.length === 0 ? [1] : x.shape;
  const iShape = indices.shape.length === 0 ? [1] : indices.shape;
  const uShape = updates.shape.length === 0 ? [1] : updates.shape;
  const rank = xShape.length;
  const n = xShape[axis]!;
  const xStrides = stridesOf(xShape);
  const uStrides = stridesOf(uShape);
  const axisStride = xStrides[axis]!;
  const walk = xStrides.map((s, i) => (i === axis ? 0 : s));
  const last = iShape[rank - 1]!;
  const lastStride = walk[rank - 1]!;
  const uLastStride = uStrides[rank - 1]!;
  const isBool = x.dtype === 'bool';
  const counter = new Array<number>(rank).fill(0);
  let base = 0;
  let uBase = 0;
  for (let o = 0; o < idx.length; o += last) {
    for (let j = 0; j < last; j++) {
      const v = idx[o + j]!;
      if (v < 0 || v >= n) throw indexOutOfRange('ScatterAdd', v, axis, n);
      const at = base + j * lastStride + v * axisStride;
      const u = upd[uBase + j * uLastStride]!;
      out[at] = isBool ? ((out[at]! | u) !== 0 ? 1 : 0) : out[at]! + u;
    }
    for (let k = rank - 2; k >= 0; k--) {
      base += walk[k]!;
      uBase += uStrides[k]!;
      const c = counter[k]! + 1;
      if (c < iShape[k]!) {
        counter[k] = c;
        break;
      }
      counter[k] = 0;
      base -= walk[k]! * iShape[k]!;
      uBase -= uStrides[k]! * iShape[k]!;
    }
  }
  return backend.output(out, x.shape, x.dtype);
};
