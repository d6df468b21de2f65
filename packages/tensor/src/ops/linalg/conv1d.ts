import { tidy } from '../../engine/scope.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor, describe } from '../operands.js';
import { checkChannels, checkOptions, checkRank, floatDType, parseGroups, reshapeTo } from './conv-options.js';
import { conv2d } from './conv2d.js';

/** Options of `conv1d`. @category Convolution */
export interface Conv1dOptions {
  /** Step between windows; default 1. */
  stride?: number;
  /** Zero padding on both ends, `'valid'` (none) or `'same'` (stride 1 only; odd totals pad the end more); default 0. */
  padding?: number | 'same' | 'valid';
  /** Spacing between kernel taps; default 1. */
  dilation?: number;
  /** Channel groups; default 1. */
  groups?: number;
}

/**
 * 1-D convolution (cross-correlation, like PyTorch's `conv1d`): `x: [N, C, L]`,
 * `weight: [O, C / groups, k]`, `bias: [O]` → `[N, O, L']`, computed as a 2-D convolution of height 1.
 * An unbatched `x: [C, L]` gives `[O, L']`.
 *
 * @param x - input, float32 or float64.
 * @param weight - filters.
 * @param bias - optional per-output-channel bias.
 * @param options - `stride`, `padding`, `dilation`, `groups` (see {@link Conv1dOptions}).
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} for wrong ranks, mismatched channels, or a kernel longer than the padded input.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float tensors.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for invalid options.
 * @example
 * ```ts
 * conv1d(tensor([[[1, 2, 3, 4]]]), tensor([[[1, 1]]])).toArray(); // [[[3, 5, 7]]]
 * ```
 * @category Convolution
 */
export function conv1d(x: Tensor, weight: Tensor, bias?: Tensor | null, options?: Conv1dOptions): Tensor {
  const op = 'conv1d';
  checkTensor(op, 'x', x);
  checkTensor(op, 'weight', weight);
  if (bias !== undefined && bias !== null) checkTensor(op, 'bias', bias);
  checkRank(op, 'x', x, [3, 2], '[N, C, L] (or unbatched [C, L])');
  checkRank(op, 'weight', weight, [3], '[O, C / groups, k]');
  floatDType(op, { x, weight, bias: bias ?? null });
  checkOptions(op, options, ['stride', 'padding', 'dilation', 'groups']);
  const single = (arg: string, v: unknown, min: number): number => {
    if (v === undefined) return min === 0 ? 0 : 1;
    if (!Number.isInteger(v) || (v as number) < min) {
      throw new ArgumentError({ op, arg, expected: `an integer ≥ ${min}`, got: describe(v) });
    }
    return v as number;
  };
  const stride = single('stride', options?.stride, 1);
  const dilation = single('dilation', options?.dilation, 1);
  const pad = options?.padding;
  const padding = pad === 'same' || pad === 'valid' ? pad : ([0, single('padding', pad, 0)] as const);
  if (pad === 'same' && stride !== 1) {
    throw new ArgumentError({ op, arg: 'padding', expected: "stride 1 with padding 'same'", got: `stride ${stride}` });
  }
  const groups = parseGroups(op, options?.groups);
  const xShape = x.rank === 3 ? x.shape : [1, ...x.shape];
  checkChannels(op, xShape, weight.shape, groups);
  const [n, c, l] = xShape as [number, number, number];
  const [o, cg, k] = weight.shape as [number, number, number];
  return tidy(() => {
    const y = conv2d(reshapeTo(x, [n, c, 1, l]), reshapeTo(weight, [o, cg, 1, k]), bias, {
      stride: [1, stride],
      padding,
      dilation: [1, dilation],
      groups,
    });
    const lOut = y.shape[3]!;
    return reshapeTo(y, x.rank === 3 ? [n, o, lOut] : [o, lOut]);
  });
}
