import { assertNonEmptyReduction, axisLayout, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { divmod, literal } from '../../source.js';
import { scaled } from './fold.js';
import { isNan } from './plan.js';

/**
 * Statements declaring `base`, the offset of the first element of line `index` along the middle
 * axis of `[outer, size, inner]` (its elements lie `inner` apart).
 */
export function lineBase(index: string, size: number, inner: number): string {
  if (inner === 1) return `const base = ${scaled(index, size)};`;
  return `${divmod('lo', 'li', index, inner)} const base = ${scaled('lo', size * inner)} + li;`;
}

/**
 * Builds `ArgMax` or `ArgMin` along `axis`: `int32`, the index of the first extreme of each line
 * (`x: [...]` → `axis` dropped, or 1 with `keepDim`). The first NaN counts as the extreme (as in
 * PyTorch); an empty line throws an `IndexError`.
 */
function argReduceKernel(op: 'ArgMax' | 'ArgMin'): KernelFn<'ArgMax' | 'ArgMin', GpuJsBackend> {
  const better = op === 'ArgMax' ? '>' : '<';
  return ({ inputs: { x }, attrs: { axis, keepDim }, backend }) => {
    const { size, inner } = axisLayout(x.shape, axis);
    const shape = x.shape.flatMap((d, i) => (i !== axis ? [d] : keepDim ? [1] : []));
    const outSize = shape.reduce((a, b) => a * b, 1);
    assertNonEmptyReduction(op, x.shape, size, outSize);
    if (outSize === 0) return backend.fill(shape, 'int32', 0);
    return backend.run({
      key: `${op}:${axis}`,
      inputs: [x],
      shape,
      dtype: 'int32',
      build: () => ({
        // `found` stops the search at the first NaN.
        source:
          `function (x) { ${lineBase('this.thread.x', size, inner)} let best = x[base]; let at = 0; let found = 0; ` +
          `if ${isNan('best')} { found = 1; } ` +
          `for (let j = 1; j < ${literal(size)}; j++) { const v = x[base + ${scaled('j', inner)}]; ` +
          `if (found === 0) { if ${isNan('v')} { found = 1; at = j; } else if (v ${better} best) { best = v; at = j; } } } ` +
          `return at; }`,
        loopMax: size,
      }),
    });
  };
}

/** `ArgMax` along `axis`: the `int32` index of the first maximum (NaN counts as the maximum). */
export const argMax = argReduceKernel('ArgMax');

/** `ArgMin` along `axis`: the `int32` index of the first minimum (NaN counts as the minimum). */
export const argMin = argReduceKernel('ArgMin');
