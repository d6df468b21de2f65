import { ArgumentError, tidy } from '@nn/tensor';
import { show } from '../dataset/validate.js';
import type { Transform } from './transform.js';

/**
 * Chains transforms: `compose([a, b, c])(x)` is `c(b(a(x)))`, as torchvision's `Compose`. The
 * intermediate tensors are disposed; only the final one is returned. `compose([])` returns its
 * input unchanged (the same tensor).
 *
 * @param transforms - the transforms, applied first to last.
 * @returns the chained transform.
 * @throws `ArgumentError` when `transforms` is not an array of functions.
 * @example
 * ```ts
 * const t = compose([(x) => mul(x, 2), normalize({ mean: 1, std: 2 })]);
 * t(full([1, 1, 2], 1.5)).toArray(); // [[[1, 1]]]
 * compose([42 as unknown as Transform]); // throws ArgumentError
 * ```
 * @category Transforms
 */
export function compose(transforms: readonly Transform[]): Transform {
  if (!Array.isArray(transforms)) {
    throw new ArgumentError({
      op: 'compose',
      arg: 'transforms',
      expected: 'an array of transforms',
      got: show(transforms),
    });
  }
  const list = [...transforms];
  list.forEach((t, k) => {
    if (typeof t !== 'function') {
      throw new ArgumentError({
        op: 'compose',
        arg: `transforms[${k}]`,
        expected: 'a function (image: Tensor) => Tensor',
        got: show(t),
      });
    }
  });
  return (image) => tidy(() => list.reduce((x, t) => t(x), image));
}
