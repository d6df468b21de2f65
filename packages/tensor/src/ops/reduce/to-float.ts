// Shared by the float-valued composites (internal; not exported from the package).
import { isFloat } from '../../dtype.js';
import type { Tensor } from '../../tensor.js';
import { cast } from '../elementwise/cast.js';

/** `x` itself when it is a float tensor, else `x` cast to float32. @internal */
export function toFloat(x: Tensor): Tensor {
  return isFloat(x.dtype) ? x : cast(x, 'float32');
}
