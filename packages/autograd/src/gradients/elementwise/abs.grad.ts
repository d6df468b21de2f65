import { mul, sign } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d|x| = sign(x)·dx`, so the gradient at `x = 0` is 0 (as PyTorch). */
export const absGrad: GradRule<'Abs'> = (dy, { inputs: { x } }) => ({ x: mul(dy, sign(x)) });
