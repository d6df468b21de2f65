import { promoteTypes } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ArgumentError, ShapeError } from '../../errors.js';
import { formatShape, normalizeAxis } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor, describe } from '../operands.js';
import { checkInt } from './shared.js';

/** Checks a non-empty array of live tensors. @internal */
export function checkTensorList(op: string, xs: unknown): Tensor[] {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new ArgumentError({ op, arg: 'xs', expected: 'a non-empty array of tensors', got: describe(xs) });
  }
  return xs.map((t, i) => checkTensor(op, `xs[${i}]`, t));
}

/**
 * `concat`/`cat`: validates ranks and shapes, promotes to the common dtype, then runs `Concat`.
 * @internal
 */
export function concatTensors(op: string, xs: readonly Tensor[], dim: number): Tensor {
  const list = checkTensorList(op, xs);
  const first = list[0]!;
  if (first.rank === 0) {
    throw new ShapeError({
      op,
      arg: 'xs[0]',
      expected: 'tensors with at least one dimension (use stack for scalars)',
      got: 'a 0-d tensor',
    });
  }
  const axis = normalizeAxis(op, 'dim', checkInt(op, 'dim', dim), first.rank);
  list.forEach((t, k) => {
    const same = t.rank === first.rank && t.shape.every((n, i) => i === axis || n === first.shape[i]);
    if (!same) {
      throw new ShapeError({
        op,
        arg: `xs[${k}]`,
        expected: `shape [${first.shape.map((n, i) => (i === axis ? '*' : String(n))).join(',')}] (as xs[0] except dim ${axis})`,
        got: formatShape(t.shape),
      });
    }
  });
  const dtype = list.reduce((d, t) => promoteTypes(d, t.dtype), first.dtype);
  if (list.every((t) => t.dtype === dtype)) return runKernel('Concat', { xs: list }, { axis });
  return tidy(() => runKernel('Concat', { xs: list.map((t) => castTo(t, dtype)) }, { axis }));
}
