/**
 * `@nn/layers/functional`: the math of every layer and loss as plain functions of tensors (the
 * modules of `@nn/layers` are thin wrappers that hold the parameters and call these).
 * @packageDocumentation
 */
export * from './activations/index.js';
export * from './layers/index.js';
export * from './losses/index.js';
export * from './recurrent/index.js';
export * from './attention/index.js';
