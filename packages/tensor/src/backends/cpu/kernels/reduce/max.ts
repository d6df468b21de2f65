import { extremeKernel } from './extreme.js';

/** `Max` over sorted `axes`, keeping the dtype; NaN propagates. */
export const max = extremeKernel('Max');
