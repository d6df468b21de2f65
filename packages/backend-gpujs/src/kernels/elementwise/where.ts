import { broadcastShapes } from '@nn/tensor';
import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { runElementwise } from './elementwise.js';

/**
 * `Where`: `condition ? a : b` elementwise, all three broadcasting; `condition` is bool and `a`,
 * `b` share the output dtype. Values pass through unchanged (NaN, ±∞, -0).
 */
export const where: KernelFn<'Where', GpuJsBackend> = ({ inputs: { condition, a, b }, backend }) => {
  const shape = broadcastShapes('Where', condition.shape, a.shape, b.shape);
  return runElementwise(backend, 'Where', [condition, a, b], ['c', 'a', 'b'], shape, a.dtype, {
    result: 'c == 0 ? b : a',
  });
};
