import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import type { GpuJsData } from '../../storage.js';
import { stridedCopy } from './strided.js';

/**
 * `Reshape`: the same row-major elements under `attrs.shape`, in a storage of its own. Values
 * known on the host (int32 and bool tensors written or read back) are written again from there,
 * so the copy keeps them on the host (index checks then need no read-back); otherwise a copy
 * kernel runs.
 */
export const reshape: KernelFn<'Reshape', GpuJsBackend> = ({ inputs: { x }, attrs: { shape }, backend }) => {
  const data = x.dataId as GpuJsData;
  if (data.host !== null) return { dataId: backend.write(data.host, shape, x.dtype), shape, dtype: x.dtype };
  return stridedCopy(backend, 'Reshape', x, { shape: [data.size], strides: [1], offset: 0 }, shape);
};
