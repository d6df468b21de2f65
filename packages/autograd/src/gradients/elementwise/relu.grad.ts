import { le, where } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * `dx` where the output is positive, else 0: relu'(0) = 0, and (as PyTorch's `threshold_backward`,
 * which tests `y <= 0`) a NaN input passes its gradient through.
 */
export const reluGrad: GradRule<'Relu'> = (dy, { output }) => ({ x: where(le(output, 0), 0, dy) });
