import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ArgumentError, ShapeError } from '../../errors.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { castTo, checkTensor } from '../operands.js';
import type { PairLike } from './conv-options.js';
import {
  checkOptions,
  checkRank,
  floatDType,
  parseConvPadding,
  parseGroups,
  parsePair,
  reshapeTo,
} from './conv-options.js';

/** Options of `convTranspose2d`. @category Convolution */
export interface ConvTranspose2dOptions {
  /** `[sh, sw]` or one number; default 1. */
  stride?: PairLike;
  /** Implicit zero padding removed from each side of the output, `[ph, pw]` or one number; default 0. */
  padding?: PairLike;
  /** Extra rows/columns added to one side of the output (each < stride or < dilation); default 0. */
  outputPadding?: PairLike;
  /** Spacing between kernel taps; default 1. */
  dilation?: PairLike;
  /** Channel groups; default 1. */
  groups?: number;
}

/**
 * 2-D transposed convolution (PyTorch's `conv_transpose2d`, the gradient of `conv2d` with respect to
 * its input): `x: [N, C_in, H, W]`, `weight: [C_in, C_out / groups, kh, kw]`, `bias: [C_out]` →
 * `[N, C_out, H', W']` with `H' = (H − 1)·sh − 2·ph + dh·(kh − 1) + outputPadding + 1`.
 * An unbatched `x: [C_in, H, W]` gives `[C_out, H', W']`.
 *
 * @param x - input, float32 or float64.
 * @param weight - filters in PyTorch's transposed layout.
 * @param bias - optional per-output-channel bias.
 * @param options - `stride`, `padding`, `outputPadding`, `dilation`, `groups` (see {@link ConvTranspose2dOptions}).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} for wrong ranks, `x` channels ≠ `weight.shape[0]` or not divisible by
 *   `groups`, a non-positive output size, or a bias that is not `[C_out]`.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float tensors.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for invalid options (e.g. `outputPadding` ≥ both stride and dilation).
 * @example
 * ```ts
 * convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2])).toArray();
 * // [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]
 * convTranspose2d(ones([1, 4, 5, 5]), ones([4, 2, 3, 3]), null, { stride: 2, padding: 1, outputPadding: 1 }).shape;
 * // [1, 2, 10, 10]
 * ```
 * @category Convolution
 */
export function convTranspose2d(
  x: Tensor,
  weight: Tensor,
  bias?: Tensor | null,
  options?: ConvTranspose2dOptions,
): Tensor {
  const op = 'convTranspose2d';
  checkTensor(op, 'x', x);
  checkTensor(op, 'weight', weight);
  const b = bias ?? null;
  if (b !== null) checkTensor(op, 'bias', b);
  checkRank(op, 'x', x, [4, 3], '[N, C_in, H, W] (or unbatched [C_in, H, W])');
  checkRank(op, 'weight', weight, [4], '[C_in, C_out / groups, kh, kw]');
  const dtype = floatDType(op, { x, weight, bias: b });
  checkOptions(op, options, ['stride', 'padding', 'outputPadding', 'dilation', 'groups']);
  const stride = parsePair(op, 'stride', options?.stride, [1, 1], 1);
  const dilation = parsePair(op, 'dilation', options?.dilation, [1, 1], 1);
  const outputPadding = parsePair(op, 'outputPadding', options?.outputPadding, [0, 0], 0);
  const groups = parseGroups(op, options?.groups);
  const [kh, kw] = [weight.shape[2]!, weight.shape[3]!];
  const padding = parseConvPadding(op, options?.padding, [kh, kw], stride, dilation, false);
  if (padding[0] !== padding[1] || padding[2] !== padding[3]) {
    throw new ArgumentError({
      op,
      arg: 'padding',
      expected: 'a non-negative integer or [ph, pw]',
      got: `[${padding.join(', ')}]`,
    });
  }
  for (let d = 0; d < 2; d++) {
    if (outputPadding[d]! >= stride[d]! && outputPadding[d]! >= dilation[d]!) {
      throw new ArgumentError({
        op,
        arg: 'outputPadding',
        expected: 'values smaller than the stride or the dilation',
        got: `[${outputPadding.join(', ')}] with stride [${stride.join(', ')}] and dilation [${dilation.join(', ')}]`,
      });
    }
  }
  const xShape = x.rank === 4 ? x.shape : [1, ...x.shape];
  const [n, cIn, h, w] = xShape as [number, number, number, number];
  if (weight.shape[0] !== cIn) {
    throw new ShapeError({
      op,
      arg: 'weight',
      expected: `weight.shape[0] = input channels = ${cIn}`,
      got: `shape ${formatShape(weight.shape)}`,
    });
  }
  if (cIn % groups !== 0) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: `a channel count divisible by groups = ${groups}`,
      got: `shape ${formatShape(xShape)}`,
    });
  }
  if (kh < 1 || kw < 1) {
    throw new ShapeError({
      op,
      arg: 'weight',
      expected: 'a kernel of at least 1×1',
      got: `shape ${formatShape(weight.shape)}`,
    });
  }
  const cOut = weight.shape[1]! * groups;
  const oh = (h - 1) * stride[0] - 2 * padding[0] + dilation[0] * (kh - 1) + outputPadding[0] + 1;
  const ow = (w - 1) * stride[1] - 2 * padding[2] + dilation[1] * (kw - 1) + outputPadding[1] + 1;
  if (oh < 1 || ow < 1 || h < 1 || w < 1) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: 'an input giving a positive output size',
      got: `shape ${formatShape(xShape)} → output [${oh}, ${ow}] (padding [${padding[0]}, ${padding[2]}])`,
    });
  }
  if (b !== null && (b.rank !== 1 || b.shape[0] !== cOut)) {
    throw new ShapeError({
      op,
      arg: 'bias',
      expected: `shape [${cOut}] (one value per output channel)`,
      got: formatShape(b.shape),
    });
  }
  const inputShape = [n, cOut, oh, ow] as const;
  return tidy(() => {
    const dy = castTo(reshapeTo(x, xShape), dtype);
    let y = runKernel(
      'Conv2DBackpropInput',
      { dy, w: castTo(weight, dtype) },
      { stride, padding, dilation, groups, inputShape },
    );
    if (b !== null) y = runKernel('Add', { a: y, b: reshapeTo(castTo(b, dtype), [1, cOut, 1, 1]) }, {});
    return x.rank === 4 ? y : reshapeTo(y, [cOut, oh, ow]);
  });
}
