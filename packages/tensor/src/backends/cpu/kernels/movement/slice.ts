import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { sizeOf, stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyStrided } from './strided.js';

/** How many indices `begin, begin+step, …` lie before `end` (after it when `step < 0`). */
function sliceCount(begin: number, end: number, step: number): number {
  return step > 0 ? Math.max(0, Math.ceil((end - begin) / step)) : Math.max(0, Math.ceil((begin - end) / -step));
}

/**
 * `Slice`: a strided copy starting at `Σ begin[i]·stride[i]` with source strides `step[i]·stride[i]`;
 * runs with step 1 become `subarray`/`set` row copies.
 */
export const slice: KernelFn<'Slice', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const { begin, end, step } = attrs;
  const src = backend.values(x);
  const xStrides = stridesOf(x.shape);
  const shape = x.shape.map((_, i) => sliceCount(begin[i]!, end[i]!, step[i]!));
  const out = allocate(x.dtype, sizeOf(shape));
  if (out.length > 0) {
    let offset = 0;
    for (let i = 0; i < shape.length; i++) offset += begin[i]! * xStrides[i]!;
    const srcStrides = xStrides.map((s, i) => s * step[i]!);
    copyStrided(src, offset, srcStrides, out, 0, stridesOf(shape), shape);
  }
  return backend.output(out, shape, x.dtype);
};
