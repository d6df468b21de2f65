import { stridesOf, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { stridedCopy } from './strided.js';

/**
 * `Tile`: `x` repeated `reps[i]` times along dim `i` (output `[r0·s0, r1·s1, …]`). The output is
 * read as the row-major view `[r0, s0, r1, s1, …]` and filled by a strided copy whose source
 * stride is zero on every `r` dim.
 */
export const tile: KernelFn<'Tile', GpuJsBackend> = ({ inputs: { x }, attrs: { reps }, backend }) => {
  const xStrides = stridesOf(x.shape);
  const shape = x.shape.map((n, d) => n * reps[d]!);
  const view = x.shape.flatMap((n, d) => [reps[d]!, n]);
  const strides = xStrides.flatMap((s) => [0, s]);
  return stridedCopy(backend, 'Tile', x, { shape: view, strides, offset: 0 }, shape);
};
