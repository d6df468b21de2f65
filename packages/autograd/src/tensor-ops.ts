// The few @nn/tensor ops the autograd core itself uses, in one place.
export { add, onesLike, tidy, keep, zerosLike, type Tensor } from '@nn/tensor';
import type { Tensor } from '@nn/tensor';

/** `[2,3]` for error messages. */
export function formatShapeOf(t: Tensor): string {
  return `[${t.shape.join(',')}]`;
}
