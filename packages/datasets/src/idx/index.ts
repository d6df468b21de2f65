// IDX files (the format of MNIST): browser-safe reading, gzip decoding and writing.
export type { Idx, IdxArrays, IdxDType, IdxInput } from './types.js';
export { readIdx } from './read.js';
export { decodeIdx, IDX_DEFAULT_MAX_BYTES, type DecodeIdxOptions } from './decode.js';
export { writeIdx } from './write.js';
