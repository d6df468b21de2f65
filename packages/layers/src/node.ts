/**
 * `@nn/layers/node`: saving and loading state dicts as safetensors files (Node file system).
 * @packageDocumentation
 */
export {
  saveSafetensorsFile,
  saveSafetensorsFileSync,
  loadSafetensorsFile,
  loadSafetensorsFileSync,
} from './serialize/node/index.js';
