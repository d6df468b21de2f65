import { add, mul } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d(eˣ − 1) = eˣ·dx = (y + 1)·dx`, reusing the output `y`. */
export const expm1Grad: GradRule<'Expm1'> = (dy, { output }) => ({ x: mul(dy, add(output, 1)) });
