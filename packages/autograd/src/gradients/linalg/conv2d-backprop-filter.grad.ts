import { conv2d, conv2dBackpropInput } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { convOptions, shape4 } from './attrs.js';

/**
 * `dw = Bᵀ(x)·dy`, where `B(x)·w = conv2d(x, w)`, is bilinear in `(x, dy)`; with `ddw` the
 * gradient of its output, `⟨ddw, dw⟩ = ⟨conv2d(x, ddw), dy⟩`, so
 * `d dy = conv2d(x, ddw)` and `d x = conv2dBackpropInput(dy, ddw)` (same attrs).
 *
 * Shapes: `x: [N, C, H, W]`, `dy: [N, O, H', W']`, `ddw: filterShape = [O, C / groups, kh, kw]`.
 */
export const conv2dBackpropFilterGrad: GradRule<'Conv2DBackpropFilter'> = (ddw, { inputs: { x, dy }, attrs }) => {
  const options = convOptions(attrs);
  return {
    x: conv2dBackpropInput(dy, ddw, shape4(x), options),
    dy: conv2d(x, ddw, null, options),
  };
};
