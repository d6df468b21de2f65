import { allocate, type TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { stridesOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { copyStrided } from './strided.js';

/** Edge of the square tiles of the blocked 2-D transpose (two 32×32 tiles fit in L1). */
const TILE = 32;

/**
 * `count` transposes of `[rows, cols]` matrices stored back to back: `dst[b][j][i] = src[b][i][j]`,
 * walking cache-sized tiles so that neither side strides through memory a whole row at a time.
 */
function transposeBatched(src: TypedArray, dst: TypedArray, count: number, rows: number, cols: number): void {
  const plane = rows * cols;
  for (let b = 0; b < count; b++) {
    const base = b * plane;
    for (let i0 = 0; i0 < rows; i0 += TILE) {
      const i1 = Math.min(i0 + TILE, rows);
      for (let j0 = 0; j0 < cols; j0 += TILE) {
        const j1 = Math.min(j0 + TILE, cols);
        for (let i = i0; i < i1; i++) {
          const from = base + i * cols;
          for (let j = j0, to = base + j0 * rows + i; j < j1; j++, to += rows) dst[to] = src[from + j]!;
        }
      }
    }
  }
}

/**
 * `Transpose`: output dim `i` is input dim `perm[i]`. Size-1 dims are dropped and input dims that
 * stay neighbours are merged; what remains is a copy, a (batched) 2-D transpose done in tiles, or
 * a general strided copy.
 */
export const transpose: KernelFn<'Transpose', CpuBackend> = ({ inputs, attrs, backend }) => {
  const { x } = inputs;
  const { perm } = attrs;
  const src = backend.values(x);
  const outShape = perm.map((p) => x.shape[p]!);
  const out = allocate(x.dtype, src.length);
  if (src.length === 0) return backend.output(out, outShape, x.dtype);

  // Reduced problem: drop size-1 dims, then merge runs of input dims that stay adjacent and in
  // order in the output. No two reduced dims are then consecutive in both orders.
  const squeezed = x.shape.filter((n) => n !== 1);
  const rename = new Map<number, number>();
  x.shape.forEach((n, i) => {
    if (n !== 1) rename.set(i, rename.size);
  });
  const groups: number[][] = [];
  for (const p of perm) {
    const q = rename.get(p);
    if (q === undefined) continue;
    const last = groups.at(-1);
    if (last !== undefined && last.at(-1)! + 1 === q) last.push(q);
    else groups.push([q]);
  }
  const sizeOfGroup = (g: number[]): number => g.reduce((acc, q) => acc * squeezed[q]!, 1);
  // Order of the groups in the input, so each group gets its reduced input dim index.
  const inputOrder = [...groups].sort((a, b) => a[0]! - b[0]!);
  const reducedShape = inputOrder.map(sizeOfGroup);
  const reducedPerm = groups.map((g) => inputOrder.indexOf(g));
  const r = reducedPerm.length;

  if (r <= 1) {
    out.set(src);
  } else if (r === 2) {
    transposeBatched(src, out, 1, reducedShape[0]!, reducedShape[1]!);
  } else if (r === 3 && reducedPerm[0] === 0 && reducedPerm[1] === 2) {
    transposeBatched(src, out, reducedShape[0]!, reducedShape[1]!, reducedShape[2]!);
  } else {
    const inStrides = stridesOf(reducedShape);
    const outShapeReduced = reducedPerm.map((p) => reducedShape[p]!);
    copyStrided(
      src,
      0,
      reducedPerm.map((p) => inStrides[p]!),
      out,
      0,
      stridesOf(outShapeReduced),
      outShapeReduced,
    );
  }
  return backend.output(out, outShape, x.dtype);
};
