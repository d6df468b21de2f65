import type { KernelFn, TensorInfo } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';

/**
 * The most inputs one concat kernel takes. WebGL binds each input as a texture (16 units is all a
 * device must offer); WebGPU binds each as a storage buffer, and the output as one more, under
 * the default limit of 8 storage buffers per shader stage.
 */
const MAX_INPUTS = 7;

/**
 * One kernel joining up to {@link MAX_INPUTS} non-empty tensors along `axis`. The output is read as
 * `[outer, total, inner]` (dims before, at and after `axis`); each thread picks its input by its
 * position along `axis`.
 */
function concatKernel(backend: GpuJsBackend, xs: readonly TensorInfo[], axis: number): TensorInfo {
  const first = xs[0]!;
  const sizes = xs.map((t) => t.shape[axis]!);
  const total = sizes.reduce((a, b) => a + b, 0);
  const shape = first.shape.map((n, d) => (d === axis ? total : n));
  const outer = first.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = first.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  return backend.run({
    key: `Concat:${axis}`,
    inputs: xs,
    shape,
    dtype: first.dtype,
    build: () => {
      const params = xs.map((_, j) => `x${j}`);
      // Input j covers positions [start, start + n) along the axis.
      let start = 0;
      let body = '';
      xs.forEach((_, j) => {
        const n = sizes[j]!;
        const read = `v = x${j}[(c0 * ${literal(n)} + c1 - ${literal(start)}) * ${literal(inner)} + c2];`;
        body +=
          j === xs.length - 1 ? (j === 0 ? read : `{ ${read} }`) : `if (c1 < ${literal(start + n)}) { ${read} } else `;
        start += n;
      });
      return {
        source: `function (${params.join(', ')}) { ${unravel('this.thread.x', [outer, total, inner], 'c')} let v = 0; ${body} return v; }`,
        loopMax: 0,
      };
    },
  });
}

/**
 * `Concat`: joins `xs` (one dtype, equal dims but `axis`) along `axis`. Empty inputs are skipped;
 * more than {@link MAX_INPUTS} non-empty inputs are joined in groups of that many, then the
 * groups' results are joined the same way (intermediates are disposed).
 */
export const concat: KernelFn<'Concat', GpuJsBackend> = ({ inputs: { xs }, attrs: { axis }, backend }) => {
  const first = xs[0]!;
  const parts = xs.filter((t) => t.shape.every((n) => n > 0));
  if (parts.length === 0) {
    const shape = first.shape.map((n, d) => (d === axis ? xs.reduce((a, t) => a + t.shape[axis]!, 0) : n));
    return backend.fill(shape, first.dtype, 0);
  }
  let level: readonly TensorInfo[] = parts;
  let owned = false;
  for (;;) {
    const next: TensorInfo[] = [];
    for (let i = 0; i < level.length; i += MAX_INPUTS)
      next.push(concatKernel(backend, level.slice(i, i + MAX_INPUTS), axis));
    if (owned) for (const t of level) backend.disposeData(t.dataId);
    if (next.length === 1) return next[0]!;
    level = next;
    owned = true;
  }
};
