import { ArgumentError, ShapeError, Tensor, Variable } from '@nn/tensor';

/**
 * The fan-in and fan-out of a weight of shape `shape`, as PyTorch's
 * `_calculate_fan_in_and_fan_out`: with `r` the product of the dimensions after the first two (the
 * receptive field of a convolution kernel, 1 for a Linear weight),
 * `fanIn = shape[1] · r` and `fanOut = shape[0] · r`.
 *
 * `Linear` weights are `[outFeatures, inFeatures]`; `Conv2d` weights `[O, C / groups, kh, kw]`.
 *
 * @param shape - the weight's shape, or a Variable or Tensor whose shape to use.
 * @returns `[fanIn, fanOut]`.
 * @throws `ShapeError` for fewer than 2 dimensions.
 * @throws `ArgumentError` when `shape` is not a shape (non-negative integers), Variable or Tensor.
 * @example
 * ```ts
 * init.fanInAndFanOut([3, 5]);          // [5, 3]
 * init.fanInAndFanOut([8, 4, 3, 3]);    // [36, 72]
 * init.fanInAndFanOut(new Variable(zeros([2, 7]))); // [7, 2]
 * init.fanInAndFanOut([5]);             // throws ShapeError
 * ```
 * @category Initialization
 */
export function fanInAndFanOut(shape: readonly number[] | Variable | Tensor): [fanIn: number, fanOut: number] {
  const op = 'init.fanInAndFanOut';
  const dims = shape instanceof Variable || shape instanceof Tensor ? shape.shape : shape;
  if (!Array.isArray(dims) || dims.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ArgumentError({
      op,
      arg: 'shape',
      expected: 'a shape (an array of non-negative integers), a Variable or a Tensor',
      got: Array.isArray(dims) ? `[${dims.join(', ')}]` : typeof dims,
    });
  }
  if (dims.length < 2) {
    throw new ShapeError({
      op,
      arg: 'shape',
      expected: 'at least 2 dimensions ([out, in, ...kernel])',
      got: `[${dims.join(', ')}]`,
      hint: 'fan-in and fan-out are not defined for a vector or a scalar',
    });
  }
  let receptive = 1;
  for (let i = 2; i < dims.length; i++) receptive *= dims[i]!;
  return [dims[1]! * receptive, dims[0]! * receptive];
}
