// Public ops of the reduce group; each op lives in its own file.
export { sum } from './sum.js';
export { prod } from './prod.js';
export { max } from './max.js';
export { min } from './min.js';
export { all } from './all.js';
export { any } from './any.js';
export { mean } from './mean.js';
export { argmax } from './argmax.js';
export { argmin } from './argmin.js';
export { variance } from './variance.js';
export { std } from './std.js';
export { logsumexp } from './logsumexp.js';
export { norm } from './norm.js';
export { cumsum } from './cumsum.js';
export { softmax } from './softmax.js';
export { logSoftmax } from './log-softmax.js';
export type { VarianceOptions } from './dims.js';
