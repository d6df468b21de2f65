import { logicalKernel } from './logical.js';

/** `All` over sorted `axes`: true where every element is non-zero (empty → true). */
export const all = logicalKernel('All');
