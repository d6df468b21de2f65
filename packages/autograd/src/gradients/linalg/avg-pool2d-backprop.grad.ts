import { avgPool2d } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { avgPoolOptions } from './attrs.js';

/**
 * `dx[i] = Σ_{o: i ∈ window(o)} dy[o] / divisor(o)` is linear in `dy`, and its transpose is the
 * average pooling itself: `d dy[o] = Σ_{i ∈ window(o)} ddx[i] / divisor(o) = avgPool2d(ddx)[o]`
 * (same attrs, so the same windows and divisors).
 *
 * Shapes: `dy: [N, C, H', W']`, `ddx: inputShape = [N, C, H, W]`.
 */
export const avgPool2dBackpropGrad: GradRule<'AvgPool2DBackprop'> = (ddx, { attrs }) => ({
  dy: avgPool2d(ddx, attrs.kernelSize, avgPoolOptions(attrs)),
});
