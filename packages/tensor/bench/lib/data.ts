/**
 * Deterministic host data for the workloads (independent of @nn, so TF.js rows work without it): the
 * seeded generators are shared with @nn/autograd's benchmark (scripts/bench-kit/seeded-data.ts).
 */
import type { HostTensor } from './types.js';

export { normal, uniform } from '../../../../scripts/bench-kit/seeded-data.js';

/**
 * Permutes a dense row-major array: output dim i is input dim `perm[i]`. Used to hand TF.js its
 * native layouts (NHWC, HWIO) and to bring its results back to the @nn layout for the cross-check.
 */
export function permuteHost(x: HostTensor, perm: readonly number[]): HostTensor {
  const rank = x.shape.length;
  const inStrides = new Array<number>(rank).fill(1);
  for (let d = rank - 2; d >= 0; d--) inStrides[d] = inStrides[d + 1]! * x.shape[d + 1]!;
  const outShape = perm.map((p) => x.shape[p]!);
  const strides = perm.map((p) => inStrides[p]!);
  const out = new Float32Array(x.values.length);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = x.values[src]!;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]!++;
      src += strides[d]!;
      if (idx[d]! < outShape[d]!) break;
      src -= strides[d]! * outShape[d]!;
      idx[d] = 0;
    }
  }
  return { shape: outShape, values: out };
}
