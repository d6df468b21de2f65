import { broadcastShapes } from '@nn/tensor';
import type { KernelFn } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import { broadcastOffset, literal, names, unravel } from '../../source.js';

/**
 * `MatMul`: one thread per output element `[...batch, m, n]`, a loop of K multiply-adds with the
 * transposes folded into the strides. An empty K gives zeros.
 */
export const matMul: KernelFn<'MatMul', GpuJsBackend> = ({ inputs: { a, b }, attrs, backend }) => {
  const ra = a.shape.length;
  const rb = b.shape.length;
  const [m, k] = attrs.transposeA ? [a.shape[ra - 1]!, a.shape[ra - 2]!] : [a.shape[ra - 2]!, a.shape[ra - 1]!];
  const n = attrs.transposeB ? b.shape[rb - 2]! : b.shape[rb - 1]!;
  const batch = broadcastShapes('matmul', a.shape.slice(0, -2), b.shape.slice(0, -2));
  const shape = [...batch, m, n];
  if (k === 0) return backend.fill(shape, a.dtype, 0);
  // Element strides of the two matrix dims, after the optional transposes.
  const [aRow, aCol] = attrs.transposeA ? [1, m] : [k, 1];
  const [bRow, bCol] = attrs.transposeB ? [1, k] : [n, 1];
  return backend.run({
    key: `MatMul:${attrs.transposeA}:${attrs.transposeB}`,
    inputs: [a, b],
    shape,
    dtype: a.dtype,
    build: () => {
      const coords = names('c', shape.length);
      const batchCoords = coords.slice(0, batch.length);
      const aBatch = broadcastOffset(batchCoords, a.shape.slice(0, -2));
      const bBatch = broadcastOffset(batchCoords, b.shape.slice(0, -2));
      const row = coords[batch.length]!;
      const col = coords[batch.length + 1]!;
      return {
        source:
          `function (x, y) { ${unravel('this.thread.x', shape, 'c')} ` +
          `const aBase = (${aBatch}) * ${literal(m * k)} + ${row} * ${literal(aRow)}; ` +
          `const bBase = (${bBatch}) * ${literal(k * n)} + ${col} * ${literal(bCol)}; ` +
          `let sum = 0; for (let j = 0; j < ${k}; j++) { sum += x[aBase + j * ${literal(aCol)}] * y[bBase + j * ${literal(bRow)}]; } ` +
          `return sum; }`,
        loopMax: k,
      };
    },
  });
};
