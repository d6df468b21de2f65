/**
 * `@nn/datasets/node`: file-system and network loaders (IDX files, MNIST and Fashion-MNIST
 * directories, verified downloads).
 * @packageDocumentation
 */
export * from './node/index.js';
