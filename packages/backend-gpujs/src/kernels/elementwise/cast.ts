import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { copyAs, runElementwise } from './elementwise.js';
import { wrapInt32 } from './snippets.js';

/**
 * `Cast`: converts to `attrs.dtype`, as the CPU kernel does. To `bool`: `x != 0` (NaN is true);
 * float32 to `int32`: truncates toward zero, NaN and ±∞ give 0, values beyond the int32 range
 * wrap modulo 2^32; every other conversion keeps the values (a copy).
 */
export const cast: KernelFn<'Cast', GpuJsBackend> = ({ inputs: { x }, attrs: { dtype }, backend }) => {
  if (dtype === 'bool' && x.dtype !== 'bool') {
    return runElementwise(backend, 'Cast:bool', [x], ['v'], x.shape, 'bool', { result: 'v == 0 ? 0 : 1' });
  }
  if (dtype === 'int32' && x.dtype === 'float32') {
    return runElementwise(backend, 'Cast:int32', [x], ['v'], x.shape, 'int32', {
      statements: `let t = 0; if (v - v == 0) { if (v < 0) { t = Math.ceil(v); } else { t = Math.floor(v); } } ${wrapInt32('w', 't')}`,
      result: 'w',
    });
  }
  return copyAs(backend, x, dtype);
};
