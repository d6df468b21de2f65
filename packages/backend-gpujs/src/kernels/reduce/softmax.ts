import { axisLayout, type KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { divmod, literal } from '../../source.js';
import { lineBase } from './arg-reduce.js';
import { extremeFold } from './extreme.js';
import { runFold, scaled } from './fold.js';
import { reducePlan } from './plan.js';

/**
 * Builds `Softmax` or `LogSoftmax` along `axis` (float32 out, same shape) from three small
 * kernels: the line maximum `m` (NaN propagating), the line's `log(sum(exp(x - m)))` (NaN when
 * `m` is not finite: a NaN, +Inf or all -Inf line), and the elementwise `(x - m) - lse`, or its
 * `exp`. Subtracting the maximum first keeps large logits from overflowing; a NaN line stays NaN
 * in every mode (GPU `exp(NaN)` is not NaN, so it is passed on explicitly).
 */
function softmaxKernel(op: 'Softmax' | 'LogSoftmax'): KernelFn<'Softmax' | 'LogSoftmax', GpuJsBackend> {
  const log = op === 'LogSoftmax';
  return ({ inputs: { x }, attrs: { axis }, backend }) => {
    if (x.shape.includes(0)) return backend.fill(x.shape, 'float32', 0);
    const { outer, size, inner } = axisLayout(x.shape, axis);
    const lines = [outer * inner];
    const plan = reducePlan(x.shape, x.shape.length === 0 ? [] : [axis], false);
    const maxima = runFold(
      backend,
      'Max',
      x,
      { ...plan, outShape: lines },
      `${axis}`,
      (dtype) => extremeFold(true, dtype),
      'float32',
    );
    // `d` is 0 for a finite maximum and NaN otherwise (Inf - Inf, NaN - NaN).
    const lse = backend.run({
      key: `${op}:${axis}:lse`,
      inputs: [x, maxima],
      shape: lines,
      dtype: 'float32',
      build: () => ({
        source:
          `function (x, y) { ${lineBase('this.thread.x', size, inner)} const m = y[this.thread.x]; const d = m - m; let s = 0; ` +
          `for (let j = 0; j < ${literal(size)}; j++) { s += Math.exp(x[base + ${scaled('j', inner)}] - m); } ` +
          `return d === 0 ? Math.log(s) : d; }`,
        loopMax: size,
      }),
    });
    const line =
      inner === 1
        ? divmod('line', 'r', 'this.thread.x', size)
        : `${divmod('lq', 'li', 'this.thread.x', inner)} ${divmod('lo', 'r', 'lq', size)} const line = ${scaled('lo', inner)} + li;`;
    const out = backend.run({
      key: `${op}:${axis}:apply`,
      inputs: [x, maxima, lse],
      shape: x.shape,
      dtype: 'float32',
      build: () => ({
        source:
          `function (x, y, z) { ${line} const l = z[line]; const d = l - l; const t = (x[this.thread.x] - y[line]) - l; ` +
          `return d === 0 ? ${log ? 't' : 'Math.exp(t)'} : d; }`,
        loopMax: 0,
      }),
    });
    backend.disposeData(maxima.dataId);
    backend.disposeData(lse.dataId);
    return out;
  };
}

/** `Softmax` along `axis`: `exp(x - max) / sum(exp(x - max))` per line, float32, same shape. */
export const softmax = softmaxKernel('Softmax');

/** `LogSoftmax` along `axis`: `(x - max) - log(sum(exp(x - max)))` per line, float32, same shape. */
export const logSoftmax = softmaxKernel('LogSoftmax');
