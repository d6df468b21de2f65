import type { Shape } from '@nn/tensor';

/**
 * How a reduction over sorted `axes` walks its input. Size-1 dims are dropped and neighbouring
 * dims that are both kept (or both reduced) are merged, so the input is a few groups, each with
 * one size and one element stride. The output is row-major over the kept groups; each output
 * element folds the elements the reduced groups span from its base offset.
 */
export interface ReducePlan {
  /** Output shape (reduced dims dropped, or 1 with `keepDim`). */
  readonly outShape: number[];
  readonly outSize: number;
  /** Number of elements folded into each output element. */
  readonly reducedSize: number;
  /** Sizes and input strides of the merged kept groups, outermost first. */
  readonly keptSizes: readonly number[];
  readonly keptStrides: readonly number[];
  /** Sizes and input strides of the merged reduced groups, outermost first. */
  readonly reducedSizes: readonly number[];
  readonly reducedStrides: readonly number[];
}

/** The plan of reducing `shape` over the sorted unique `axes`. */
export function reducePlan(shape: Shape, axes: readonly number[], keepDim: boolean): ReducePlan {
  const reduced = shape.map((_, i) => axes.includes(i));
  const outShape: number[] = [];
  let reducedSize = 1;
  shape.forEach((d, i) => {
    if (reduced[i]) reducedSize *= d;
    if (!reduced[i]) outShape.push(d);
    else if (keepDim) outShape.push(1);
  });
  const groups: { size: number; stride: number; reduced: boolean }[] = [];
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    if (d !== 1) {
      const first = groups[0];
      if (first !== undefined && first.reduced === reduced[i]) first.size *= d;
      else groups.unshift({ size: d, stride, reduced: reduced[i]! });
    }
    stride *= d;
  }
  const kept = groups.filter((g) => !g.reduced);
  const red = groups.filter((g) => g.reduced);
  return {
    outShape,
    outSize: outShape.reduce((a, b) => a * b, 1),
    reducedSize,
    keptSizes: kept.map((g) => g.size),
    keptStrides: kept.map((g) => g.stride),
    reducedSizes: red.map((g) => g.size),
    reducedStrides: red.map((g) => g.stride),
  };
}

/**
 * A boolean kernel expression that is true when `v` (a name) is NaN. Written with ordered
 * comparisons, which every mode keeps (WGSL folds `v != v` to false, and GLSL has no `isNaN`).
 */
export function isNan(v: string): string {
  return `(!(${v} <= 0) && !(${v} > 0))`;
}
