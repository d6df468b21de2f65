import { stridesOf, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { stridedCopy } from './strided.js';

/** `Transpose`: output dim `i` is input dim `perm[i]`; a strided copy with the input's strides permuted. */
export const transpose: KernelFn<'Transpose', GpuJsBackend> = ({ inputs: { x }, attrs: { perm }, backend }) => {
  const xStrides = stridesOf(x.shape);
  const shape = perm.map((p) => x.shape[p]!);
  return stridedCopy(backend, 'Transpose', x, { shape, strides: perm.map((p) => xStrides[p]!), offset: 0 }, shape);
};
