import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { sizeOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { indexOutOfRange } from '../../../../kernels/kernel-checks.js';

/**
 * `IndexSelect`: `out[pre, k, post] = x[pre, indices[k], post]`. Indices are checked once up
 * front; each selected slab of `post` elements is a row copy.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for an index value outside `[0, x.shape[axis])`.
 */
export const indexSelect: KernelFn<'IndexSelect', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x, indices } = inputs;
  const { axis } = attrs;
  const src = backend.values(x);
  const idx = backend.values(indices);
  const xShape = x.shape.length === 0 ? [1] : x.shape;
  const n = xShape[axis]!;
  for (let k = 0; k < idx.length; k++) {
    const v = idx[k]!;
    if (v < 0 || v >= n) throw indexOutOfRange('IndexSelect', v, axis, n);
  }
  // A 0-d x (treated as [1]) selects with a single index and stays 0-d, as in PyTorch.
  const outShape = x.shape.length === 0 && idx.length === 1 ? [] : xShape.map((d, i) => (i === axis ? idx.length : d));
  const out = allocate(x.dtype, sizeOf(outShape));
  let outer = 1;
  for (let i = 0; i < axis; i++) outer *= xShape[i]!;
  let inner = 1;
  for (let i = axis + 1; i < xShape.length; i++) inner *= xShape[i]!;
  const count = idx.length;
  let o = 0;
  for (let p = 0; p < outer; p++) {
    const base = p * n * inner;
    for (let k = 0; k < count; k++) {
      const from = base + idx[k]! * inner;
      if (inner >= 24) out.set(src.subarray(from, from + inner), o);
      else for (let j = 0; j < inner; j++) out[o + j] = src[from + j]!;
      o += inner;
    }
  }
  return backend.output(out, outShape, x.dtype);
};
