// Public exports of the serialization group (browser-safe); Node file I/O lives in ./node/.
export { saveSafetensors } from './save.js';
export { loadSafetensors, readSafetensorsHeader, type LoadedSafetensors } from './load.js';
export type { SaveSafetensorsOptions } from './plan.js';
export type { SafetensorsHeader, SafetensorsEntry } from './header.js';
export type { SafetensorsDType } from './dtypes.js';
