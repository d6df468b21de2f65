import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { sizeOf, stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyStrided } from './strided.js';

/**
 * `Concat`: each input is block-copied into its band of the output; with the dims before `axis`
 * merged, that is one `set` per input per outer index (one `set` per input when `axis` is 0).
 */
export const concat: KernelFn<'Concat', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { xs } = inputs;
  const { axis } = attrs;
  const first = xs[0]!;
  const shape = [...first.shape];
  let total = 0;
  for (const t of xs) total += t.shape[axis]!;
  shape[axis] = total;
  const out = allocate(first.dtype, sizeOf(shape));
  if (out.length > 0) {
    const outStrides = stridesOf(shape);
    let at = 0;
    for (const t of xs) {
      const src = backend.values(t);
      if (src.length > 0) copyStrided(src, 0, stridesOf(t.shape), out, at * outStrides[axis]!, outStrides, t.shape);
      at += t.shape[axis]!;
    }
  }
  return backend.output(out, shape, first.dtype);
};
