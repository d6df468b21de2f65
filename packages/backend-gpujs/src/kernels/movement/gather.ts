import { stridesOf, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { unravel } from '../../source.js';
import { runChecked } from './checked-run.js';
import { addTerm } from './strided.js';

/**
 * `Gather` (PyTorch semantics): `out[i0…ik…] = x[i0…indices[i0…ik…]…]` along `axis`, shaped like
 * `indices` (same rank as `x`, no larger on the other dims; 0-d counts as `[1]`). One thread per
 * output element: its coordinates address `x` on every dim but `axis`, its index value on `axis`.
 * @throws `IndexError` for an index value outside `[0, x.shape[axis])` (checked before anything
 *   runs; under the async contract, as the output's error when the values are not on the host).
 */
export const gather: KernelFn<'Gather', GpuJsBackend> = ({ inputs: { x, indices }, attrs: { axis }, backend }) => {
  const xShape = x.shape.length === 0 ? [1] : x.shape;
  const iShape = indices.shape.length === 0 ? [1] : indices.shape;
  const guard = backend.checkIndices(indices, xShape[axis]!, 'Gather', axis);
  return runChecked(backend, {
    key: `Gather:${axis}`,
    inputs: [x, indices],
    shape: indices.shape,
    dtype: x.dtype,
    guard,
    build: () => {
      const xStrides = stridesOf(xShape);
      let at = addTerm('0', 'j', xStrides[axis]!);
      xStrides.forEach((s, d) => {
        if (d !== axis) at = addTerm(at, `c${d}`, s);
      });
      return {
        source: `function (x, ix) { ${unravel('this.thread.x', iShape, 'c')} const j = ix[this.thread.x]; return x[${at}]; }`,
        loopMax: 0,
      };
    },
  });
};
