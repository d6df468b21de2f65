// Node file I/O for safetensors (re-exported by `@nn/layers/node`).
export { saveSafetensorsFile, saveSafetensorsFileSync } from './save-file.js';
export { loadSafetensorsFile, loadSafetensorsFileSync } from './load-file.js';
