import { argmax, gather, reshape, zerosLike } from '@nn/tensor';
import type { Pair } from '@nn/tensor/backend';
import type { GradRule } from '../types.js';
import { poolWindows } from './pool-windows.js';

/**
 * `dx = R(x)·dy` routes each `dy` element to its window's first maximum in `x`; it is linear in
 * `dy`, so `d dy[o] = ddx[argmax of window o]`: the windows of `x` (padding as −∞) give the
 * argmax per window, and the same windows of `ddx` are gathered there. In `x` the routing is
 * piecewise constant, so `d x = 0` (as PyTorch's double backward of max pooling).
 *
 * Shapes: `dy: [N, C, H', W']`, `x: [N, C, H, W]`, `ddx: [N, C, H, W]`.
 *
 * Ties pick the first tap in row-major window order, like the kernel. Not reproduced: a window
 * whose real taps are all −∞ next to padding (argmax may land on the padding, giving 0), and NaN
 * inputs (the kernel routes to the last NaN).
 */
export const maxPool2dBackpropGrad: GradRule<'MaxPool2DBackprop'> = (ddx, { inputs: { dy, x }, attrs }) => {
  const out: Pair = [dy.shape[2]!, dy.shape[3]!];
  const at = argmax(poolWindows(x, attrs, out, -Infinity), -1, true); // [N, C, H', W', 1]
  const picked = gather(poolWindows(ddx, attrs, out, 0), -1, at);
  return { dy: reshape(picked, dy.shape), x: zerosLike(x) };
};
