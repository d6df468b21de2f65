import { zerosLike } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** Piecewise constant: a zero gradient everywhere (PyTorch defines it so, letting zeros flow). */
export const ceilGrad: GradRule<'Ceil'> = (_dy, { inputs: { x } }) => ({ x: zerosLike(x) });
