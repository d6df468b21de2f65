import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { sizeOf, stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyStrided } from './strided.js';

/**
 * `BroadcastTo`: a strided copy whose source stride is zero on every new or stretched dim, so a
 * stretched inner dim becomes a `fill` and a stretched outer dim repeats whole rows.
 */
export const broadcastTo: KernelFn<'BroadcastTo', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const { shape } = attrs;
  const src = backend.values(x);
  const out = allocate(x.dtype, sizeOf(shape));
  const offset = shape.length - x.shape.length;
  const xStrides = stridesOf(x.shape);
  const srcStrides = shape.map((n, i) => {
    const xi = i - offset;
    return xi < 0 || (x.shape[xi] === 1 && n !== 1) ? 0 : xStrides[xi]!;
  });
  copyStrided(src, 0, srcStrides, out, 0, stridesOf(shape), shape);
  return backend.output(out, shape, x.dtype);
};
