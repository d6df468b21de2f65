/**
 * `@nn/backend-gpujs`: the `@nn` backend on gpu.js — WebGL2 and WebGPU in browsers, WebAssembly
 * (or headless GL) in Node, and gpu.js's plain-JavaScript mode anywhere.
 * @packageDocumentation
 */
export {
  createGpuJsBackend,
  GpuJsBackend,
  MAX_ELEMENTS,
  MAX_EXACT_INT32,
  type GpuJsBackendOptions,
  type Program,
} from './gpujs-backend.js';
export type { KernelSource } from './kernel-cache.js';
export { GPUJS_MODES, type GpuJsMode } from './modes.js';
export { UNSUPPORTED_OPS } from './unsupported.js';
