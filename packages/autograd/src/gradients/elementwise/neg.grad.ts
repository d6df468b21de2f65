import { neg } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d(−x) = −dx`. */
export const negGrad: GradRule<'Neg'> = (dy) => ({ x: neg(dy) });
