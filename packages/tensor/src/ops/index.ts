export * from './creation/index.js';
export * from './elementwise/index.js';
export * from './reduce/index.js';
export * from './movement/index.js';
export * from './linalg/index.js';
export type { TensorLike } from './operands.js';
