import { argReduceKernel } from './arg-reduce.js';

/** `ArgMax` along `axis`: first index of the maximum (NaN counts as maximum). */
export const argMax = argReduceKernel('ArgMax');
