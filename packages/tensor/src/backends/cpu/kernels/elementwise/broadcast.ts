import type { Shape } from '../../../../shape.js';

/**
 * A block of output rows of a broadcast elementwise kernel. Every row has `len` elements and is
 * written contiguously from output offset `out + k * len` (row `k`); operand `j` reads row `k`
 * from `offs[j][k]`, advancing by `steps[j]` per element (0 when broadcast along the row).
 *
 * Kernels loop over rows and elements with plain index arithmetic, so the per-element work is
 * their own inlined expression; the odometer over the outer dimensions runs once per row.
 */
export interface Rows {
  /** Rows in this block. */
  count: number;
  /** Elements per row. */
  readonly len: number;
  /** Output offset of the block's first element. */
  out: number;
  /** Per operand, the start offset of each row of the block (only `count` entries are valid). */
  readonly offs: readonly Int32Array[];
  /**
   * Per operand, the offset step along a row: 1, or 0 where the operand is broadcast along it
   * (the row is the innermost non-1 output dim, where every operand is contiguous or size 1).
   */
  readonly steps: readonly number[];
}

/** Rows per block: bounds the scratch offsets while keeping the per-block call overhead small. */
const BLOCK = 1024;

/** Reusable offset buffers (kernels are synchronous and never re-entered while a block runs). */
const scratch = [new Int32Array(BLOCK), new Int32Array(BLOCK), new Int32Array(BLOCK)];

/**
 * Walks the output of a broadcast elementwise op row by row. Operand shapes are right-aligned to
 * `outShape` (the broadcast of all of them); size-1 output dims are dropped and adjacent dims that
 * stay contiguous for every operand are merged, so a same-shape op is a single row of the whole
 * tensor, `x + scalar` is one row with a zero step, and `[N, C] + [C]` is `N` rows.
 *
 * `visit` is called once per block of up to 1024 rows (never for an empty output); the `Rows`
 * object and its offset arrays are reused between calls.
 */
export function forEachRows(shapes: readonly Shape[], outShape: Shape, visit: (rows: Rows) => void): void {
  const rank = outShape.length;
  const k = shapes.length;
  let total = 1;
  for (const d of outShape) total *= d;
  if (total === 0) return;

  // Element strides of each operand in output coordinates (0 on broadcast dims).
  const full: number[][] = [];
  for (const shape of shapes) {
    const strides = new Array<number>(rank).fill(0);
    let acc = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      const n = shape[d]!;
      strides[d + rank - shape.length] = n === 1 ? 0 : acc;
      acc *= n;
    }
    full.push(strides);
  }

  // Drop size-1 dims and merge dims that are contiguous for every operand.
  const dims: number[] = [];
  const merged: number[][] = shapes.map(() => []);
  for (let d = 0; d < rank; d++) {
    const n = outShape[d]!;
    if (n === 1) continue;
    const last = dims.length - 1;
    let mergeable = last >= 0;
    for (let j = 0; j < k && mergeable; j++) mergeable = merged[j]![last] === full[j]![d]! * n;
    if (mergeable) {
      dims[last] = dims[last]! * n;
      for (let j = 0; j < k; j++) merged[j]![last] = full[j]![d]!;
    } else {
      dims.push(n);
      for (let j = 0; j < k; j++) merged[j]!.push(full[j]![d]!);
    }
  }
  if (dims.length === 0) {
    dims.push(1);
    for (let j = 0; j < k; j++) merged[j]!.push(0);
  }

  const inner = dims.length - 1;
  const len = dims[inner]!;
  const steps = merged.map((s) => s[inner]!);
  const offs = scratch.slice(0, k);
  while (offs.length < k) offs.push(new Int32Array(BLOCK));
  const rows: Rows = { count: 0, len, out: 0, offs, steps };

  const outer = inner; // number of outer dims
  if (outer === 0) {
    for (let j = 0; j < k; j++) offs[j]![0] = 0;
    rows.count = 1;
    visit(rows);
    return;
  }

  // Odometer over the outer dims; `pos[j]` is operand j's offset of the current row.
  const counter = new Array<number>(outer).fill(0);
  const pos = new Array<number>(k).fill(0);
  const totalRows = total / len;
  let done = 0;
  while (done < totalRows) {
    const count = Math.min(BLOCK, totalRows - done);
    for (let r = 0; r < count; r++) {
      for (let j = 0; j < k; j++) offs[j]![r] = pos[j]!;
      // Advance the odometer by one row.
      for (let d = outer - 1; d >= 0; d--) {
        const c = counter[d]! + 1;
        if (c < dims[d]!) {
          counter[d] = c;
          for (let j = 0; j < k; j++) pos[j] = pos[j]! + merged[j]![d]!;
          break;
        }
        counter[d] = 0;
        for (let j = 0; j < k; j++) pos[j] = pos[j]! - (c - 1) * merged[j]![d]!;
      }
    }
    rows.count = count;
    rows.out = done * len;
    visit(rows);
    done += count;
  }
}
