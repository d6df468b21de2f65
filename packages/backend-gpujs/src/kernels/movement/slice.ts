import { stridesOf, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { stridedCopy } from './strided.js';

/** How many indices `begin, begin+step, …` lie before `end` (after it when `step < 0`). */
function sliceCount(begin: number, end: number, step: number): number {
  return step > 0 ? Math.max(0, Math.ceil((end - begin) / step)) : Math.max(0, Math.ceil((begin - end) / -step));
}

/**
 * `Slice`: along dim `i`, indices `begin[i], begin[i]+step[i], …` before `end[i]` (after it for a
 * negative step); a strided copy from offset `Σ begin[i]·stride[i]` with strides `step[i]·stride[i]`.
 */
export const slice: KernelFn<'Slice', GpuJsBackend> = ({ inputs: { x }, attrs: { begin, end, step }, backend }) => {
  const xStrides = stridesOf(x.shape);
  const shape = x.shape.map((_, d) => sliceCount(begin[d]!, end[d]!, step[d]!));
  const offset = xStrides.reduce((sum, s, d) => sum + begin[d]! * s, 0);
  return stridedCopy(backend, 'Slice', x, { shape, strides: xStrides.map((s, d) => s * step[d]!), offset }, shape);
};
