import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { indexOutOfRange } from '../../../../kernels/kernel-checks.js';

/**
 * `Gather` (PyTorch semantics): `out[i0…ik…] = x[i0…indices[i0…ik…]…]` along `axis`, with the
 * output shaped like `indices` (which may be smaller than `x` on the other dims). The last dim is a
 * tight loop; the outer dims advance `x`'s offset with an odometer.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for an index value outside `[0, x.shape[axis])`.
 */
export const gather: KernelFn<'Gather', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x, indices } = inputs;
  const { axis } = attrs;
  const src = backend.values(x);
  const idx = backend.values(indices);
  const out = allocate(x.dtype, idx.length);
  if (out.length === 0) return backend.output(out, indices.shape, x.dtype);
  const xShape = x.shape.length === 0 ? [1] : x.shape;
  const iShape = indices.shape.length === 0 ? [1] : indices.shape;
  const rank = xShape.length;
  const n = xShape[axis]!;
  const xStrides = stridesOf(xShape);
  const axisStride = xStrides[axis]!;
  // Offsets along the non-gathered dims; the gathered dim's offset comes from the index value.
  const walk = xStrides.map((s, i) => (i === axis ? 0 : s));
  const last = iShape[rank - 1]!;
  const lastStride = walk[rank - 1]!;
  const counter = new Array<number>(rank).fill(0);
  let base = 0;
  for (let o = 0; o < idx.length; o += last) {
    for (let j = 0; j < last; j++) {
      const v = idx[o + j]!;
      if (v < 0 || v >= n) throw indexOutOfRange('Gather', v, axis, n);
      out[o + j] = src[base + j * lastStride + v * axisStride]!;
    }
    for (let k = rank - 2; k >= 0; k--) {
      base += walk[k]!;
      const c = counter[k]! + 1;
      if (c < iShape[k]!) {
        counter[k] = c;
        break;
      }
      counter[k] = 0;
      base -= walk[k]! * iShape[k]!;
    }
  }
  return backend.output(out, indices.shape, x.dtype);
};
