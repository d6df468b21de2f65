import type { DType } from '@nn/tensor';
import { foldKernel, type Fold } from './fold.js';

/** `bool` sums and products count as `int32`; other dtypes are kept. */
const boolToInt = (dtype: DType): DType => (dtype === 'bool' ? 'int32' : dtype);

/** Sums (NaN and ±Inf propagate through the additions). */
const SUM_FOLD: Fold = { name: 'sum', init: () => 'let acc = 0;', step: 'acc += v;', result: 'acc' };

const PROD_FOLD: Fold = { name: 'prod', init: () => 'let acc = 1;', step: 'acc *= v;', result: 'acc' };

/**
 * `Sum` over sorted `axes` (`x: [...]` → the kept dims, reduced ones 1 with `keepDim`),
 * accumulating in float32; `bool` gives `int32`, and the empty sum is 0. int32 sums are exact
 * while they stay within ±2^24 (the device stores every value as float32).
 */
export const sum = foldKernel('Sum', () => SUM_FOLD, boolToInt, 0);

/**
 * `Prod` over sorted `axes`, multiplying in float32; `bool` gives `int32` (1 when all are true),
 * the empty product is 1, and an int32 product wraps like int32 when read back.
 */
export const prod = foldKernel('Prod', () => PROD_FOLD, boolToInt, 1);
