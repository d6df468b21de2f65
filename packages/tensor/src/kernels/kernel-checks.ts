import { IndexError } from '../errors.js';
import { formatShape, type Shape } from '../shape.js';

/**
 * The error every backend throws for an index value outside `[0, size)` along dim `axis`: names
 * the primitive, the offending value and the valid range.
 * @example
 * ```ts
 * indexOutOfRange('Gather', 7, 0, 5).message;
 * // '[@nn] Gather(indices): expected index values in [0, 4] for dim 0 of size 5, got 7'
 * ```
 * @category Backend authoring
 */
export function indexOutOfRange(op: string, value: number, axis: number, size: number): IndexError {
  return new IndexError({
    op,
    arg: 'indices',
    expected:
      size === 0
        ? `no index values, since dim ${axis} has size 0`
        : `index values in [0, ${size - 1}] for dim ${axis} of size ${size}`,
    got: String(value),
  });
}

/**
 * Safety net for reductions without an identity (`Max`, `Min`, `ArgMax`, `ArgMin`): throws an
 * `IndexError` when a non-empty output would reduce zero elements. Public ops check this first, so
 * a kernel only throws here when called directly.
 * @example
 * ```ts
 * assertNonEmptyReduction('Max', [0, 3], 0, 3); // throws IndexError
 * assertNonEmptyReduction('Max', [2, 3], 2, 3); // (returns)
 * ```
 * @category Backend authoring
 */
export function assertNonEmptyReduction(op: string, shape: Shape, reducedSize: number, outSize: number): void {
  if (reducedSize === 0 && outSize > 0) {
    throw new IndexError({
      op,
      arg: 'x',
      expected: 'a non-empty reduction (this reduction has no identity)',
      got: `shape ${formatShape(shape)} reducing 0 elements`,
    });
  }
}

/**
 * The layout of an op along one axis: `[outer, size, inner]` with `inner` contiguous. A rank-0
 * input is treated as `[1, 1, 1]`.
 * @category Backend authoring
 */
export interface AxisLayout {
  readonly outer: number;
  readonly size: number;
  readonly inner: number;
}

/**
 * Splits `shape` around `axis` into `[outer, size, inner]` (for kernels along one axis: softmax,
 * cumulative sums, arg-reductions).
 * @example
 * ```ts
 * axisLayout([2, 3, 4], 1); // { outer: 2, size: 3, inner: 4 }
 * ```
 * @category Backend authoring
 */
export function axisLayout(shape: Shape, axis: number): AxisLayout {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis && i < shape.length; i++) outer *= shape[i]!;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  return { outer, size: shape[axis] ?? 1, inner };
}
