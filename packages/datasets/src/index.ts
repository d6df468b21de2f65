/**
 * `@nn/datasets`: datasets, the DataLoader, transforms, IDX files, MNIST (10,000 real digits
 * bundled) and synthetic sets. Browser-safe; file-system and network loaders are in
 * `@nn/datasets/node`.
 * @packageDocumentation
 */
export * from './dataset/index.js';
export * from './transforms/index.js';
export * from './synthetic/index.js';
export * from './idx/index.js';
export * from './mnist/index.js';
