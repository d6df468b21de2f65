/**
 * `@nn/layers`: modules, layers, losses, initialisers and safetensors for `@nn/tensor`, with
 * PyTorch's names, defaults and state-dict keys.
 * @packageDocumentation
 */
export { Module, type ForwardHook, type HookHandle } from './module/module.js';
export type { StateDict, LoadStateDictOptions, LoadStateDictResult } from './module/state-dict.js';
export type { ModuleSummary, SummaryRow, SummaryInput } from './module/summary.js';
export { Sequential, type TensorModule } from './containers/sequential.js';
export { ModuleList } from './containers/module-list.js';
export { Identity } from './containers/identity.js';
export * from './layers/index.js';
export * from './activations/index.js';
export * from './losses/index.js';
export * from './recurrent/index.js';
export * from './attention/index.js';
export * from './serialize/index.js';
export * as init from './init/index.js';
