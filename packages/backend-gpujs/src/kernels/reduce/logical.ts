import type { DType } from '@nn/tensor';
import { foldKernel, type Fold } from './fold.js';

const toBool = (): DType => 'bool';

// An element is true when it is not 0 (NaN is true). `v === 0` is the test every mode keeps for
// NaN; WGSL turns `NaN != 0` false.
const ALL_FOLD: Fold = { name: 'all', init: () => 'let acc = 1;', step: 'if (v === 0) { acc = 0; }', result: 'acc' };
const ANY_FOLD: Fold = { name: 'any', init: () => 'let acc = 0;', step: 'acc = v === 0 ? acc : 1;', result: 'acc' };

/** `All` over sorted `axes`: `bool`, true where every element is non-zero (NaN counts as true; empty → true). */
export const all = foldKernel('All', () => ALL_FOLD, toBool, 1);

/** `Any` over sorted `axes`: `bool`, true where some element is non-zero (NaN counts as true; empty → false). */
export const any = foldKernel('Any', () => ANY_FOLD, toBool, 0);
