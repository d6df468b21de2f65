import { div, mul } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d√x = dx / (2√x)`, reusing the output; `+∞` at `x = 0` (as PyTorch). */
export const sqrtGrad: GradRule<'Sqrt'> = (dy, { output }) => ({ x: div(dy, mul(output, 2)) });
