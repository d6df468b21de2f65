import { mul, neg, sin } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d cos x = −sin x·dx`. */
export const cosGrad: GradRule<'Cos'> = (dy, { inputs: { x } }) => ({ x: mul(neg(dy), sin(x)) });
