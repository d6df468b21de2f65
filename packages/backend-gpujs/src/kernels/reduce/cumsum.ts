import { axisLayout, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { divmod, literal } from '../../source.js';
import { scaled } from './fold.js';

/** Lines up to this long are summed directly; longer ones through block sums. */
const DIRECT_MAX = 64;

/**
 * Statements declaring the coordinates of element `index` of `[outer, size, inner]`: `lo`, `r`
 * and (when `inner > 1`) `li`.
 */
function coords(index: string, size: number, inner: number): string {
  if (inner === 1) return divmod('lo', 'r', index, size);
  return `${divmod('lq', 'li', index, inner)} ${divmod('lo', 'r', 'lq', size)}`;
}

/** The offset of `[lo, position, li]` in `[outer, size, inner]` (`position` omitted: 0). */
function offset(size: number, inner: number, position?: string): string {
  const terms = [scaled('lo', size * inner)];
  if (position !== undefined) terms.push(scaled(position, inner));
  if (inner !== 1) terms.push('li');
  return terms.join(' + ');
}

/**
 * `Cumsum` along `axis`: the inclusive running sum (from the end when `reverse`), same shape;
 * `bool` counts as `int32`. Lines up to 64 long sum their prefix directly; longer lines are cut
 * into about √n blocks of √n: a first kernel sums each block, a second adds the earlier blocks'
 * sums and the prefix inside the element's own block, so each element reads about 2√n values.
 */
export const cumsum: KernelFn<'Cumsum', GpuJsBackend> = ({ inputs: { x }, attrs: { axis, reverse }, backend }) => {
  const dtype = x.dtype === 'bool' ? 'int32' : x.dtype;
  if (x.shape.includes(0)) return backend.fill(x.shape, dtype, 0);
  const { outer, size, inner } = axisLayout(x.shape, axis);
  // Whether position `j` is summed into position `r`.
  const before = (j: string, r: string): string => (reverse ? `${j} >= ${r}` : `${j} <= ${r}`);
  if (size <= DIRECT_MAX) {
    return backend.run({
      key: `Cumsum:${axis}:${reverse}`,
      inputs: [x],
      shape: x.shape,
      dtype,
      build: () => ({
        source:
          `function (x) { ${coords('this.thread.x', size, inner)} const lineStart = ${offset(size, inner)}; let s = 0; ` +
          `for (let j = 0; j < ${literal(size)}; j++) { if (${before('j', 'r')}) { s += x[lineStart + ${scaled('j', inner)}]; } } return s; }`,
        loopMax: size,
      }),
    });
  }
  const block = Math.ceil(Math.sqrt(size));
  const blocks = Math.ceil(size / block);
  const ragged = size % block !== 0;
  // Block sums: [outer, blocks, inner].
  const sums = backend.run({
    key: `Cumsum:${axis}:blocks`,
    inputs: [x],
    shape: [outer, blocks, inner],
    dtype,
    build: () => {
      const read = `s += x[start + ${scaled('t', inner)}];`;
      return {
        source:
          `function (x) { ${coords('this.thread.x', blocks, inner)} const start = ${offset(size, inner, `r * ${literal(block)}`)}; ` +
          `let s = 0; for (let t = 0; t < ${literal(block)}; t++) { ${ragged ? `if (r * ${literal(block)} + t < ${literal(size)}) { ${read} }` : read} } return s; }`,
        loopMax: block,
      };
    },
  });
  const out = backend.run({
    key: `Cumsum:${axis}:${reverse}:scan`,
    inputs: [x, sums],
    shape: x.shape,
    dtype,
    build: () => {
      const inBlock = reverse ? `t >= rb && rb0 + t < ${literal(size)}` : 't <= rb';
      return {
        source:
          `function (x, y) { ${coords('this.thread.x', size, inner)} ${divmod('b', 'rb', 'r', block)} const rb0 = b * ${literal(block)}; ` +
          `const lineStart = ${offset(size, inner)}; const sumsStart = ${offset(blocks, inner)}; let s = 0; ` +
          `for (let c = 0; c < ${literal(blocks)}; c++) { if (${reverse ? 'c > b' : 'c < b'}) { s += y[sumsStart + ${scaled('c', inner)}]; } } ` +
          `for (let t = 0; t < ${literal(block)}; t++) { if (${inBlock}) { s += x[lineStart + ${scaled('(rb0 + t)', inner)}]; } } return s; }`,
        loopMax: Math.max(block, blocks),
      };
    },
  });
  backend.disposeData(sums.dataId);
  return out;
};
