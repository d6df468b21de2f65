import { div } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d log x = dx / x` (±∞ at `x = 0`, as PyTorch). */
export const logGrad: GradRule<'Log'> = (dy, { inputs: { x } }) => ({ x: div(dy, x) });
