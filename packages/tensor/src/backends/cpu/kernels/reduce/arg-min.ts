import { argReduceKernel } from './arg-reduce.js';

/** `ArgMin` along `axis`: first index of the minimum (NaN counts as minimum). */
export const argMin = argReduceKernel('ArgMin');
