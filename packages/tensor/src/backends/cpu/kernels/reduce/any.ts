import { logicalKernel } from './logical.js';

/** `Any` over sorted `axes`: true where some element is non-zero (empty → false). */
export const any = logicalKernel('Any');
