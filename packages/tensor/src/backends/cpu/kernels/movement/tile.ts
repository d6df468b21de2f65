import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { sizeOf, stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyStrided } from './strided.js';

/**
 * `Tile`: the output `[r0·s0, r1·s1, …]` is viewed as `[r0, s0, r1, s1, …]` and filled by one
 * strided copy whose source stride is zero on every `r` dim (a broadcast of the input).
 */
export const tile: KernelFn<'Tile', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const { reps } = attrs;
  const shape = x.shape.map((n, i) => n * reps[i]!);
  const out = allocate(x.dtype, sizeOf(shape));
  if (out.length > 0) {
    const xStrides = stridesOf(x.shape);
    const viewShape: number[] = [];
    const srcStrides: number[] = [];
    x.shape.forEach((n, i) => {
      viewShape.push(reps[i]!, n);
      srcStrides.push(0, xStrides[i]!);
    });
    copyStrided(backend.values(x), 0, srcStrides, out, 0, stridesOf(viewShape), viewShape);
  }
  return backend.output(out, shape, x.dtype);
};
