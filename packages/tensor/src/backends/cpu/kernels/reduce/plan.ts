import type { Shape } from '../../../../shape.js';

/**
 * How a reduction walks its input. Dims of size 1 are dropped and neighbouring dims that are both
 * reduced (or both kept) are merged, so the input is a row-major grid of alternating kept/reduced
 * groups. The last group is walked as contiguous runs ("blocks") of `inner` elements: when it is
 * reduced, a whole block folds into one output element (`innerReduced`); when it is kept, a block
 * maps element by element onto `inner` consecutive outputs. A {@link BlockCursor} yields the
 * output offset of each block without any per-element work.
 */
export interface ReducePlan {
  /** Output shape (reduced dims dropped, or kept as 1 with `keepDim`). */
  readonly outShape: number[];
  /** Number of output elements. */
  readonly outSize: number;
  /** Number of input elements folded into each output element. */
  readonly reducedSize: number;
  /** Number of input elements. */
  readonly size: number;
  /** Length of each contiguous block. */
  readonly inner: number;
  /** Whether a block folds into a single output (else it maps onto `inner` outputs). */
  readonly innerReduced: boolean;
  /** Number of blocks (`size / inner`, 0 for an empty input). */
  readonly blockCount: number;
  /** Sizes of the outer merged groups (all but the last). */
  readonly outerSizes: readonly number[];
  /** Output stride of each outer group (0 for reduced groups). */
  readonly outerStrides: readonly number[];
}

/** Builds the plan of reducing `shape` over the sorted unique `axes`. */
export function reducePlan(shape: Shape, axes: readonly number[], keepDim: boolean): ReducePlan {
  const rank = shape.length;
  const reduced = new Array<boolean>(rank).fill(false);
  for (const a of axes) if (a < rank) reduced[a] = true;
  const outShape: number[] = [];
  let size = 1;
  let reducedSize = 1;
  for (let i = 0; i < rank; i++) {
    const d = shape[i]!;
    size *= d;
    if (reduced[i]) {
      reducedSize *= d;
      if (keepDim) outShape.push(1);
    } else {
      outShape.push(d);
    }
  }
  let outSize = 1;
  for (const d of outShape) outSize *= d;

  // Merge into alternating groups, dropping size-1 dims (they change no offsets).
  const sizes: number[] = [];
  const flags: boolean[] = [];
  for (let i = 0; i < rank; i++) {
    const d = shape[i]!;
    if (d === 1) continue;
    if (sizes.length > 0 && flags[flags.length - 1] === reduced[i]) sizes[sizes.length - 1]! *= d;
    else {
      sizes.push(d);
      flags.push(reduced[i]!);
    }
  }
  if (sizes.length === 0) {
    sizes.push(1);
    flags.push(false);
  }
  const m = sizes.length;
  const inner = sizes[m - 1]!;
  const innerReduced = flags[m - 1]!;
  const outerSizes = sizes.slice(0, m - 1);
  const outerStrides = new Array<number>(m - 1);
  let stride = innerReduced ? 1 : inner;
  for (let g = m - 2; g >= 0; g--) {
    if (flags[g]) outerStrides[g] = 0;
    else {
      outerStrides[g] = stride;
      stride *= sizes[g]!;
    }
  }
  const blockCount = size === 0 ? 0 : size / inner;
  return { outShape, outSize, reducedSize, size, inner, innerReduced, blockCount, outerSizes, outerStrides };
}

/**
 * Walks the blocks of a {@link ReducePlan} in input order (block `b` starts at input offset
 * `b * inner`); `out` is the output offset of the current block. An odometer over the outer groups.
 */
export class BlockCursor {
  /** Output offset of the current block. */
  out = 0;
  private readonly sizes: readonly number[];
  private readonly strides: readonly number[];
  private readonly counters: Int32Array;

  constructor(plan: ReducePlan) {
    this.sizes = plan.outerSizes;
    this.strides = plan.outerStrides;
    this.counters = new Int32Array(plan.outerSizes.length);
  }

  /** Moves to the next block. */
  next(): void {
    const { sizes, strides, counters } = this;
    for (let g = counters.length - 1; g >= 0; g--) {
      const stride = strides[g]!;
      this.out += stride;
      if (++counters[g]! < sizes[g]!) return;
      this.out -= stride * sizes[g]!;
      counters[g] = 0;
    }
  }
}

