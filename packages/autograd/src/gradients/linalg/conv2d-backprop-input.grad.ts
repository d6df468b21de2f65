import { conv2d, conv2dBackpropFilter } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { convOptions, convOutputSize, fitSpatial, shape4 } from './attrs.js';

/**
 * `dx = Aᵀ(w)·dy`, where `A(w)·x = conv2d(x, w)`, is bilinear in `(dy, w)`; with `ddx` the gradient
 * of its output, `⟨ddx, dx⟩ = ⟨conv2d(ddx, w), dy⟩`, so
 * `d dy = conv2d(ddx, w)` and `d w = conv2dBackpropFilter(ddx, dy)` (same attrs). This is also the
 * gradient of `convTranspose2d`.
 *
 * Shapes: `dy: [N, O, H', W']`, `w: [O, C / groups, kh, kw]`, `ddx: inputShape = [N, C, H, W]`.
 *
 * A transposed convolution whose `outputPadding` is not below its stride passes a `dy` smaller
 * than the convolution output of `inputShape`; the kernel treats the missing trailing rows and
 * columns as zeros, so `conv2d(ddx, w)` is cropped to `dy`'s size and `dy` zero-padded to the full
 * size for the filter gradient.
 */
export const conv2dBackpropInputGrad: GradRule<'Conv2DBackpropInput'> = (ddx, { inputs: { dy, w }, attrs }) => {
  const options = convOptions(attrs);
  const full = convOutputSize(attrs.inputShape, w.shape, attrs);
  return {
    dy: fitSpatial(conv2d(ddx, w, null, options), [dy.shape[2]!, dy.shape[3]!]),
    w: conv2dBackpropFilter(ddx, fitSpatial(dy, full), shape4(w), options),
  };
};
