import { IndexError } from '../../../../errors.js';

/**
 * The error of an index value outside `[0, size)`: names the primitive, the offending value and
 * the valid range.
 * @internal
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
