import { cast, isFloat } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * Between float dtypes the gradient is cast back to the input's dtype (float64 → float32 rounds).
 * To or from int32/bool no gradient flows: the values are integers (`null`, as PyTorch refuses
 * to differentiate integer tensors).
 */
export const castGrad: GradRule<'Cast'> = (dy, { inputs: { x }, attrs: { dtype } }) => ({
  x: isFloat(x.dtype) && isFloat(dtype) ? cast(dy, x.dtype) : null,
});
