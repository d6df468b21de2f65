import { toBool, unaryKernel } from './unary.js';

/** `IsNaN`: true where `x` is NaN (`v == v` is false exactly there, in every mode). */
export const isNaN = unaryKernel('IsNaN', 'v == v ? 0 : 1', { dtype: toBool });

/** `IsFinite`: true where `x` is neither ±∞ nor NaN (where `v - v` is 0). */
export const isFinite = unaryKernel('IsFinite', 'v - v == 0 ? 1 : 0', { dtype: toBool });

/** `LogicalNot`: true where `x` is zero (NaN counts as true, so gives false). */
export const logicalNot = unaryKernel('LogicalNot', 'v == 0 ? 1 : 0', { dtype: toBool });
