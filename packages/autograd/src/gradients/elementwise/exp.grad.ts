import { mul } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d eˣ = eˣ·dx`, reusing the output. */
export const expGrad: GradRule<'Exp'> = (dy, { output }) => ({ x: mul(dy, output) });
