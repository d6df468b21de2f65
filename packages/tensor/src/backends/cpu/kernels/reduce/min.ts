import { extremeKernel } from './extreme.js';

/** `Min` over sorted `axes`, keeping the dtype; NaN propagates. */
export const min = extremeKernel('Min');
