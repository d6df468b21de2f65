import { stridesOf, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { stridedCopy } from './strided.js';

/**
 * `BroadcastTo`: `x` (rank ≤ that of `attrs.shape`, each dim equal or 1) stretched to `attrs.shape`;
 * a strided copy whose source stride is zero on every new or stretched dim.
 */
export const broadcastTo: KernelFn<'BroadcastTo', GpuJsBackend> = ({ inputs: { x }, attrs: { shape }, backend }) => {
  const lead = shape.length - x.shape.length;
  const xStrides = stridesOf(x.shape);
  const strides = shape.map((n, d) => {
    const xd = d - lead;
    return xd < 0 || (x.shape[xd] === 1 && n !== 1) ? 0 : xStrides[xd]!;
  });
  return stridedCopy(backend, 'BroadcastTo', x, { shape, strides, offset: 0 }, shape);
};
