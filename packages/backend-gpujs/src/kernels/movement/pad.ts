import { stridesOf, type KernelFn, type TensorInfo } from '@nn/tensor/backend';
import type { DType } from '@nn/tensor';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';
import { addTerm } from './strided.js';

/** The pad value as stored in `dtype`, as the CPU kernel stores it (int32 truncates, NaN/±∞ → 0; bool is value ≠ 0). */
function storedValue(value: number, dtype: DType): number {
  if (dtype === 'bool') return value !== 0 ? 1 : 0;
  if (dtype === 'int32') return new Int32Array([value])[0]!;
  return Math.fround(value);
}

/**
 * `Pad`: constant padding, `paddings[i] = [before, after]` (each ≥ 0) for every dim of `x`, filled
 * with `value`. One thread per output element: inside the interior it reads `x`, elsewhere it
 * gives the value. A finite value is a literal of the source; NaN and ±∞ have none, so they come
 * in as a one-element tensor written from the host. An empty `x` gives a tensor of the value.
 */
export const pad: KernelFn<'Pad', GpuJsBackend> = ({ inputs: { x }, attrs: { paddings, value }, backend }) => {
  const shape = x.shape.map((n, d) => n + paddings[d]![0] + paddings[d]![1]);
  const fill = storedValue(value, x.dtype);
  if (x.shape.some((n) => n === 0)) return backend.fill(shape, x.dtype, fill);
  const finite = Number.isFinite(fill);
  const valueInput: TensorInfo | null = finite ? null : backend.fill([1], 'float32', fill);
  const out = backend.run({
    key: `Pad:${paddings.map((p) => p.join(',')).join(';')}:${finite ? literal(fill) : 'input'}`,
    inputs: valueInput === null ? [x] : [x, valueInput],
    shape,
    dtype: x.dtype,
    build: () => {
      const xStrides = stridesOf(x.shape);
      const inside: string[] = [];
      let at = '0';
      let shift = 0;
      x.shape.forEach((n, d) => {
        const before = paddings[d]![0];
        const after = paddings[d]![1];
        if (before > 0) inside.push(`c${d} >= ${literal(before)}`);
        if (after > 0) inside.push(`c${d} < ${literal(before + n)}`);
        at = addTerm(at, `c${d}`, xStrides[d]!);
        shift += before * xStrides[d]!;
      });
      const read = `x[${at}${shift === 0 ? '' : ` - ${literal(shift)}`}]`;
      const body = inside.length === 0 ? `v = ${read};` : `if (${inside.join(' && ')}) { v = ${read}; }`;
      return {
        source:
          `function (x${finite ? '' : ', p'}) { ${unravel('this.thread.x', shape, 'c')} ` +
          `let v = ${finite ? literal(fill) : 'p[0]'}; ${body} return v; }`,
        loopMax: 0,
      };
    },
  });
  if (valueInput !== null) backend.disposeData(valueInput.dataId);
  return out;
};
