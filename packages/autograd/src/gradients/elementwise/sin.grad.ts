import { cos, mul } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d sin x = cos x·dx`. */
export const sinGrad: GradRule<'Sin'> = (dy, { inputs: { x } }) => ({ x: mul(dy, cos(x)) });
