import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { runChecked } from './checked-run.js';

/**
 * `IndexSelect`: `out[pre, k, post] = x[pre, indices[k], post]` for a 1-D int32 `indices` (a 0-d
 * `x` counts as `[1]` and stays 0-d). The output is read as `[outer, k, inner]`; each thread reads
 * its index, then its element.
 * @throws `IndexError` for an index value outside `[0, x.shape[axis])` (checked before anything
 *   runs; under the async contract, as the output's error when the values are not on the host).
 */
export const indexSelect: KernelFn<'IndexSelect', GpuJsBackend> = ({
  inputs: { x, indices },
  attrs: { axis },
  backend,
}) => {
  const xShape = x.shape.length === 0 ? [1] : x.shape;
  const n = xShape[axis]!;
  const guard = backend.checkIndices(indices, n, 'IndexSelect', axis);
  const count = indices.shape.reduce((a, b) => a * b, 1);
  const shape = x.shape.length === 0 && count === 1 ? [] : xShape.map((d, i) => (i === axis ? count : d));
  const outer = xShape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = xShape.slice(axis + 1).reduce((a, b) => a * b, 1);
  return runChecked(backend, {
    key: `IndexSelect:${axis}`,
    inputs: [x, indices],
    shape,
    dtype: x.dtype,
    guard,
    build: () => ({
      source:
        `function (x, ix) { ${unravel('this.thread.x', [outer, count, inner], 'c')} ` +
        `const j = ix[c1]; return x[(c0 * ${literal(n)} + j) * ${literal(inner)} + c2]; }`,
      loopMax: 0,
    }),
  });
};
