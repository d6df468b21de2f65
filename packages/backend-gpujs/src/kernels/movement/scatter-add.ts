import { stridesOf, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { reshape } from './reshape.js';
import { runChecked } from './checked-run.js';
import { addTerm } from './strided.js';

/**
 * `ScatterAdd` (PyTorch `scatter_add`, out of place): `out = x`, then for every position `p` of
 * `indices`, `updates[p]` is added at `p` with its `axis` coordinate replaced by `indices[p]`
 * (`updates` may be larger than `indices`; only the indexed region is read). For `bool` the sum is
 * a logical or.
 *
 * A GPU thread cannot add into another's element, so it is computed gather-style: the thread of
 * output element `c` walks the `m = indices.shape[axis]` positions of `indices` that share `c`'s
 * other coordinates and adds the updates whose index value is `c[axis]`, in increasing position
 * (the CPU kernel's order). Cost: `size(x) · m` index reads, so it is cheap when `m` is small
 * (`oneHot` has `m = 1`) and grows with the length of the scattered axis.
 * @throws `IndexError` for an index value outside `[0, x.shape[axis])` (checked before anything
 *   runs; under the async contract, as the output's error when the values are not on the host).
 */
export const scatterAdd: KernelFn<'ScatterAdd', GpuJsBackend> = ({
  inputs: { x, indices, updates },
  attrs: { axis },
  backend,
}) => {
  const xShape = x.shape.length === 0 ? [1] : x.shape;
  const iShape = indices.shape.length === 0 ? [1] : indices.shape;
  const uShape = updates.shape.length === 0 ? [1] : updates.shape;
  const guard = backend.checkIndices(indices, xShape[axis]!, 'ScatterAdd', axis);
  // No index values: nothing to add (and nothing the check could reject).
  if (iShape.some((n) => n === 0)) return reshape({ inputs: { x }, attrs: { shape: x.shape }, backend });
  const m = iShape[axis]!;
  const isBool = x.dtype === 'bool';
  return runChecked(backend, {
    key: `ScatterAdd:${axis}:${isBool ? 'or' : 'sum'}`,
    inputs: [x, indices, updates],
    shape: x.shape,
    dtype: x.dtype,
    guard,
    build: () => {
      const iStrides = stridesOf(iShape);
      const uStrides = stridesOf(uShape);
      const inside: string[] = [];
      let ib = '0';
      let ub = '0';
      xShape.forEach((n, d) => {
        if (d === axis) return;
        if (iShape[d]! < n) inside.push(`c${d} < ${literal(iShape[d]!)}`);
        ib = addTerm(ib, `c${d}`, iStrides[d]!);
        ub = addTerm(ub, `c${d}`, uStrides[d]!);
      });
      const loop =
        `const ib = ${ib}; const ub = ${ub}; ` +
        `for (let j = 0; j < ${m}; j++) { ` +
        `if (ix[${addTerm('ib', 'j', iStrides[axis]!)}] === c${axis}) { s += u[${addTerm('ub', 'j', uStrides[axis]!)}]; } }`;
      return {
        source:
          `function (x, ix, u) { ${unravel('this.thread.x', xShape, 'c')} let s = x[this.thread.x]; ` +
          `${inside.length === 0 ? loop : `if (${inside.join(' && ')}) { ${loop} }`} ` +
          `return ${isBool ? 's > 0 ? 1 : 0' : 's'}; }`,
        loopMax: m,
      };
    },
  });
};
