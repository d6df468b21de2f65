import { promoteTypes } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ShapeError } from '../../errors.js';
import { formatShape, normalizeAxis, shapesEqual } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo } from '../operands.js';
import { checkTensorList } from './join.js';
import { checkInt } from './shared.js';

/**
 * Joins tensors of one shape along a new dim inserted at `dim`; mixed dtypes promote.
 *
 * `xs: k × [A, B]`, `dim = 1` `→ [A, k, B]`
 *
 * @param xs - a non-empty array of tensors of equal shape.
 * @param dim - where the new dim goes in the result, in `[-rank-1, rank]` (default 0).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when the shapes differ; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an empty list;
 *   {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range.
 * @example
 * ```ts
 * stack([tensor([1, 2]), tensor([3, 4])]).toArray();    // [[1, 2], [3, 4]]
 * stack([tensor([1, 2]), tensor([3, 4])], 1).toArray(); // [[1, 3], [2, 4]]
 * stack([scalar(1), scalar(2)]).shape;                  // [2]
 * ```
 * @category Movement
 */
export function stack(xs: readonly Tensor[], dim = 0): Tensor {
  const list = checkTensorList('stack', xs);
  const first = list[0]!;
  const axis = normalizeAxis('stack', 'dim', checkInt('stack', 'dim', dim), first.rank + 1);
  list.forEach((t, k) => {
    if (!shapesEqual(t.shape, first.shape)) {
      throw new ShapeError({
        op: 'stack',
        arg: `xs[${k}]`,
        expected: `shape ${formatShape(first.shape)} (as xs[0])`,
        got: formatShape(t.shape),
      });
    }
  });
  const dtype = list.reduce((d, t) => promoteTypes(d, t.dtype), first.dtype);
  const outShape = [...first.shape];
  outShape.splice(axis, 0, list.length);
  return tidy(() => {
    const same = list.map((t) => castTo(t, dtype));
    if (axis < first.rank) {
      // Joining along `axis` then splitting it into [k, size] is exactly stacking.
      const joined = runKernel('Concat', { xs: same }, { axis });
      return runKernel('Reshape', { x: joined }, { shape: outShape });
    }
    const lifted = same.map((t) => runKernel('Reshape', { x: t }, { shape: [...t.shape, 1] }));
    return runKernel('Concat', { xs: lifted }, { axis });
  });
}
