import { allocate } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { gemm, gemmInt32, type FloatArray, type NumericArray } from './gemm.js';

/**
 * `MatMul`: `a: [...batchA, M, K] @ b: [...batchB, K, N]` (each after its optional transpose of the
 * last two dims) → `[...broadcast(batchA, batchB), M, N]`. Float inputs use the blocked `gemm`
 * (double accumulation); int32 inputs wrap around like PyTorch's int32 product.
 *
 * When `b` has no batch (or only size-1 batch dims) and `a` is not transposed, the batch of `a` is
 * folded into `M`, so `[B, M, K] @ [K, N]` is one large product and `b` is packed once.
 */
export const matMul: KernelFn<'MatMul', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { a, b } = inputs;
  const { transposeA, transposeB } = attrs;
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = transposeA ? a.shape[ra - 1]! : a.shape[ra - 2]!;
  const k = transposeA ? a.shape[ra - 2]! : a.shape[ra - 1]!;
  const n = transposeB ? b.shape[rb - 2]! : b.shape[rb - 1]!;
  const batchA = a.shape.slice(0, ra - 2);
  const batchB = b.shape.slice(0, rb - 2);
  const rank = Math.max(batchA.length, batchB.length);
  const batch: number[] = [];
  for (let d = 0; d < rank; d++) {
    const da = batchA[d - rank + batchA.length] ?? 1;
    const db = batchB[d - rank + batchB.length] ?? 1;
    batch.push(da === 1 ? db : da);
  }
  let batchSize = 1;
  for (const d of batch) batchSize *= d;
  const dtype = a.dtype;
  const out = allocate(dtype, batchSize * m * n);
  const shape = [...batch, m, n];
  if (out.length === 0) return backend.output(out, shape, dtype);

  const av = backend.values(a) as NumericArray;
  const bv = backend.values(b) as NumericArray;
  // Row/column strides of one matrix of a and of b.
  const aRs = transposeA ? 1 : k;
  const aCs = transposeA ? m : 1;
  const bRs = transposeB ? 1 : n;
  const bCs = transposeB ? k : 1;
  const product = (aOff: number, bOff: number, cOff: number, rows: number): void => {
    if (dtype === 'int32') {
      gemmInt32(
        rows,
        n,
        k,
        av as Int32Array,
        aOff,
        aRs,
        aCs,
        bv as Int32Array,
        bOff,
        bRs,
        bCs,
        out as Int32Array,
        cOff,
        n,
      );
    } else {
      gemm(rows, n, k, av, aOff, aRs, aCs, bv, bOff, bRs, bCs, out as FloatArray, cOff, n, false);
    }
  };

  let sizeB = 1;
  for (const d of batchB) sizeB *= d;
  let sizeA = 1;
  for (const d of batchA) sizeA *= d;
  if (sizeB === 1 && !transposeA && sizeA === batchSize) {
    product(0, 0, 0, batchSize * m);
    return backend.output(out, shape, dtype);
  }

  // General broadcast batch: odometer over the output batch with per-operand strides (0 on broadcast dims).
  const stepA = batchStrides(batchA, rank, m * k);
  const stepB = batchStrides(batchB, rank, k * n);
  const index = new Array<number>(rank).fill(0);
  let offA = 0;
  let offB = 0;
  for (let bi = 0; bi < batchSize; bi++) {
    product(offA, offB, bi * m * n, m);
    for (let d = rank - 1; d >= 0; d--) {
      index[d]!++;
      offA += stepA[d]!;
      offB += stepB[d]!;
      if (index[d]! < batch[d]!) break;
      offA -= stepA[d]! * batch[d]!;
      offB -= stepB[d]! * batch[d]!;
      index[d] = 0;
    }
  }
  return backend.output(out, shape, dtype);
};

/** Element strides of an operand's batch dims, right-aligned to `rank`, 0 where the dim broadcasts. */
function batchStrides(batch: readonly number[], rank: number, matrixSize: number): number[] {
  const strides = new Array<number>(rank).fill(0);
  let s = matrixSize;
  for (let d = batch.length - 1; d >= 0; d--) {
    const size = batch[d]!;
    strides[d + rank - batch.length] = size === 1 ? 0 : s;
    s *= size;
  }
  return strides;
}
