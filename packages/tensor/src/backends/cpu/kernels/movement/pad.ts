import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { sizeOf, stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyStrided } from './strided.js';

/** `Pad`: fills the output with `value`, then block-copies the input into its interior. */
export const pad: KernelFn<'Pad', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const { paddings, value } = attrs;
  const shape = x.shape.map((n, i) => n + paddings[i]![0] + paddings[i]![1]);
  const out = allocate(x.dtype, sizeOf(shape));
  const fill = x.dtype === 'bool' ? (value !== 0 ? 1 : 0) : value;
  if (fill !== 0) out.fill(fill);
  const src = backend.values(x);
  if (src.length > 0) {
    const outStrides = stridesOf(shape);
    let offset = 0;
    for (let i = 0; i < shape.length; i++) offset += paddings[i]![0] * outStrides[i]!;
    copyStrided(src, 0, stridesOf(x.shape), out, offset, outStrides, x.shape);
  }
  return backend.output(out, shape, x.dtype);
};
