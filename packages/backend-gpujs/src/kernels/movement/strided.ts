import type { TensorInfo } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { literal, unravel } from '../../source.js';

/**
 * A strided view of `x` to copy: output element `[i0, i1, …]` of `shape` (row-major) is
 * `x[offset + Σ ik·strides[k]]`. Strides may be zero (broadcast) or negative (reversed).
 */
export interface StridedView {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/**
 * The same view with size-1 dims dropped and neighbouring dims merged where the outer stride is
 * the inner one times the inner size (so a plain copy becomes one dim of stride 1, and a run of
 * broadcast dims one dim of stride 0): fewer divisions per element.
 */
function mergeDims(view: StridedView): StridedView {
  const shape: number[] = [];
  const strides: number[] = [];
  view.shape.forEach((n, d) => {
    if (n === 1) return;
    const s = view.strides[d]!;
    const last = shape.length - 1;
    if (last >= 0 && strides[last] === s * n) {
      shape[last] = shape[last]! * n;
      strides[last] = s;
    } else {
      shape.push(n);
      strides.push(s);
    }
  });
  return { shape, strides, offset: view.offset };
}

/** `expression` plus `sign·coefficient·variable`, with the sign written as an operator (no negative literals). */
export function addTerm(expression: string, variable: string, coefficient: number): string {
  if (coefficient === 0) return expression;
  const magnitude = Math.abs(coefficient);
  const term = magnitude === 1 ? variable : `${variable} * ${literal(magnitude)}`;
  return `${expression} ${coefficient < 0 ? '-' : '+'} ${term}`;
}

/**
 * Copies the strided view `view` of `x` into a new tensor of `outShape` (the same size as the
 * view): one thread per output element, its view coordinates unravelled from the thread index.
 * Used by `Transpose`, `BroadcastTo`, `Slice`, `Tile` and `Reshape`; `op` names the kernel.
 */
export function stridedCopy(
  backend: GpuJsBackend,
  op: string,
  x: TensorInfo,
  view: StridedView,
  outShape: readonly number[],
): TensorInfo {
  const merged = mergeDims(view);
  return backend.run({
    key: `${op}:${merged.shape.join(',')}:${merged.strides.join(',')}:${merged.offset}`,
    inputs: [x],
    shape: outShape,
    dtype: x.dtype,
    build: () => {
      let at = literal(merged.offset);
      merged.strides.forEach((s, d) => (at = addTerm(at, `c${d}`, s)));
      return {
        source: `function (x) { ${unravel('this.thread.x', merged.shape, 'c')} return x[${at}]; }`,
        loopMax: 0,
      };
    },
  });
}
