import { runKernel } from '../../engine/engine.js';
import { ArgumentError, ShapeError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { describe } from '../operands.js';
import { checkInt, checkIntList, dimOf } from './shared.js';

/**
 * `split`/`chunk`: one `Slice` per piece along `dim`.
 * @internal
 */
export function splitTensor(op: string, x: Tensor, sizeOrSections: unknown, dim: number): Tensor[] {
  const axis = dimOf(op, 'dim', x, dim);
  const n = x.shape[axis]!;
  let sizes: number[];
  if (typeof sizeOrSections === 'number') {
    const size = checkInt(op, 'splitSizeOrSections', sizeOrSections, 0);
    if (size === 0 && n !== 0) {
      throw new ArgumentError({ op, arg: 'splitSizeOrSections', expected: 'a positive split size', got: '0' });
    }
    const count = size === 0 ? 1 : Math.max(1, Math.ceil(n / size));
    sizes = Array.from({ length: count }, (_, i) => Math.min(size, n - i * size));
  } else if (Array.isArray(sizeOrSections)) {
    sizes = checkIntList(op, 'splitSizeOrSections', sizeOrSections, 0);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== n) {
      throw new ShapeError({
        op,
        arg: 'splitSizeOrSections',
        expected: `sizes summing to ${n} (dim ${axis} of shape [${x.shape.join(',')}])`,
        got: `[${sizes.join(',')}] (sum ${total})`,
      });
    }
  } else {
    throw new ArgumentError({
      op,
      arg: 'splitSizeOrSections',
      expected: 'a split size or an array of sizes',
      got: describe(sizeOrSections),
    });
  }
  const step = x.shape.map(() => 1);
  let at = 0;
  return sizes.map((size) => {
    const begin = x.shape.map((_, i) => (i === axis ? at : 0));
    const end = x.shape.map((d, i) => (i === axis ? at + size : d));
    at += size;
    return runKernel('Slice', { x }, { begin, end, step });
  });
}
