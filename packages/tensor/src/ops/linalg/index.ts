// Public ops of the linalg group (linear algebra, convolution, pooling); each op lives in its own file.
export { matmul, type MatmulOptions } from './matmul.js';
export { dot } from './dot.js';
export { outer } from './outer.js';
export { conv1d, type Conv1dOptions } from './conv1d.js';
export { conv2d } from './conv2d.js';
export { convTranspose2d, type ConvTranspose2dOptions } from './conv-transpose2d.js';
export { conv2dBackpropInput } from './conv2d-backprop-input.js';
export { conv2dBackpropFilter } from './conv2d-backprop-filter.js';
export { maxPool2d, type MaxPool2dOptions } from './max-pool2d.js';
export { avgPool2d, type AvgPool2dOptions } from './avg-pool2d.js';
export { adaptiveAvgPool2d } from './adaptive-avg-pool2d.js';
export { maxPool2dBackprop } from './max-pool2d-backprop.js';
export { avgPool2dBackprop } from './avg-pool2d-backprop.js';
export type { Conv2dOptions, Pool2dOptions, PairLike, ConvPadding } from './conv-options.js';
