import { add, div } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d log(1 + x) = dx / (1 + x)`. */
export const log1pGrad: GradRule<'Log1p'> = (dy, { inputs: { x } }) => ({ x: div(dy, add(x, 1)) });
