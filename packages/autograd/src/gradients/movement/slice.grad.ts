import { flip, reshape, unsqueeze, zeros, type Tensor } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { padDims } from './pad-dims.js';

/**
 * Spreads dim `axis` of `g` (size `k`) to `k · stride` by putting `stride − 1` zeros after each
 * element: `[a, b]` with stride 3 → `[a, 0, 0, b, 0, 0]`.
 */
function spread(g: Tensor, axis: number, stride: number): Tensor {
  const gaps = g.shape.map((): [number, number] => [0, 0]);
  gaps.splice(axis + 1, 0, [0, stride - 1]);
  const spaced = padDims(unsqueeze(g, axis + 1), gaps);
  return reshape(
    spaced,
    g.shape.map((n, i) => (i === axis ? n * stride : n)),
  );
}

/**
 * Each selected element receives its `dy`; the others get zero. Built from differentiable public
 * ops so the rule can be differentiated again: dims walked backwards are flipped so every step is
 * positive, dims with a step > 1 get `step − 1` zeros between elements, and one zero padding
 * places the block at its first selected index (cropping the spare zeros past the end).
 */
export const sliceGrad: GradRule<'Slice'> = (dy, { inputs: { x }, attrs: { begin, step } }) => {
  if (dy.size === 0) return { x: zeros(x.shape, { dtype: x.dtype }) };
  const backwards = step.flatMap((s, i) => (s < 0 ? [i] : []));
  let g = backwards.length > 0 ? flip(dy, backwards) : dy;
  const pairs = x.shape.map((n, i): [number, number] => {
    const s = step[i]!;
    const k = dy.shape[i]!;
    const stride = Math.abs(s);
    const first = s > 0 ? begin[i]! : begin[i]! + (k - 1) * s;
    let length = k;
    if (stride > 1 && k > 1) {
      g = spread(g, i, stride);
      length = k * stride;
    }
    return [first, n - first - length];
  });
  return { x: padDims(g, pairs) };
};
