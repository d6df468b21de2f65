import type { DType } from '../../dtype.js';
import { isFloat } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { ArgumentError, DTypeError, ShapeError } from '../../errors.js';
import type { Conv2DAttrs, Pair } from '../../kernels/op-specs.js';
import type { Shape } from '../../shape.js';
import { formatShape, shapesEqual } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor, describe } from '../operands.js';

/** A size given once for both spatial dims, or as `[height, width]`. @category Convolution */
export type PairLike = number | readonly [number, number];

/**
 * Convolution padding: one number for all four sides, `[ph, pw]` (top = bottom = ph, left =
 * right = pw), `[top, bottom, left, right]`, `'valid'` (none) or `'same'` (output as large as the
 * input; stride 1 only; an odd total puts the extra row/column at the bottom/right, like PyTorch).
 * @category Convolution
 */
export type ConvPadding =
  number | readonly [number, number] | readonly [number, number, number, number] | 'same' | 'valid';

/** Options of `conv2d` and of its gradient ops. @category Convolution */
export interface Conv2dOptions {
  /** `[sh, sw]` or one number; default 1. */
  stride?: PairLike;
  /** Zero padding; default 0. */
  padding?: ConvPadding;
  /** Spacing between kernel taps, `[dh, dw]` or one number; default 1. */
  dilation?: PairLike;
  /** Channel groups: input and output channels are split into this many independent groups; default 1. */
  groups?: number;
}

/** Options of the 2-D pooling ops. @category Pooling */
export interface Pool2dOptions {
  /** Window step, `[sh, sw]` or one number; default: the kernel size. */
  stride?: PairLike;
  /** Implicit padding on each side, `[ph, pw]` or one number, at most half the (effective) kernel; default 0. */
  padding?: PairLike;
  /** Use ⌈⌉ instead of ⌊⌋ for the output size (a last window must start inside the input or left padding). */
  ceilMode?: boolean;
}

/** Throws an `ArgumentError` when `options` is not an object or names a key outside `known`. @internal */
export function checkOptions(op: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError({ op, arg: 'options', expected: 'an options object', got: describe(options) });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ArgumentError({
        op,
        arg: 'options',
        expected: `only the options ${known.join(', ')}`,
        got: `'${key}'`,
      });
    }
  }
}

/** Parses a `PairLike` of integers ≥ `min`. @internal */
export function parsePair(op: string, arg: string, value: unknown, fallback: Pair, min: number): Pair {
  if (value === undefined) return fallback;
  const pair = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((v) => Number.isInteger(v) && (v as number) >= min)) {
    throw new ArgumentError({
      op,
      arg,
      expected: `an integer ≥ ${min} or a pair of them`,
      got: Array.isArray(value) ? `[${value.join(', ')}]` : describe(value),
    });
  }
  return [pair[0] as number, pair[1] as number];
}

/** Parses `groups` (a positive integer, default 1). @internal */
export function parseGroups(op: string, value: unknown): number {
  if (value === undefined) return 1;
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new ArgumentError({ op, arg: 'groups', expected: 'a positive integer', got: describe(value) });
  }
  return value as number;
}

/** Parses convolution padding into `[top, bottom, left, right]`. @internal */
export function parseConvPadding(
  op: string,
  value: unknown,
  kernel: Pair,
  stride: Pair,
  dilation: Pair,
  allowStrings = true,
): [number, number, number, number] {
  if (value === undefined || (allowStrings && value === 'valid')) return [0, 0, 0, 0];
  if (allowStrings && value === 'same') {
    if (stride[0] !== 1 || stride[1] !== 1) {
      throw new ArgumentError({
        op,
        arg: 'padding',
        expected: "stride 1 with padding 'same'",
        got: `stride [${stride.join(', ')}]`,
      });
    }
    const th = dilation[0] * (kernel[0] - 1);
    const tw = dilation[1] * (kernel[1] - 1);
    return [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
  }
  const ok = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
  if (typeof value === 'number' && ok(value)) return [value, value, value, value];
  if (Array.isArray(value) && value.every(ok)) {
    if (value.length === 2) return [value[0], value[0], value[1], value[1]];
    if (value.length === 4) return [value[0], value[1], value[2], value[3]];
  }
  throw new ArgumentError({
    op,
    arg: 'padding',
    expected: `a non-negative integer, [ph, pw], [top, bottom, left, right]${allowStrings ? ", 'same' or 'valid'" : ''}`,
    got: Array.isArray(value) ? `[${value.join(', ')}]` : describe(value),
  });
}

/** Builds normalised `Conv2DAttrs` from options, for a kernel of spatial size `kernel`. @internal */
export function convAttrs(op: string, options: Conv2dOptions | undefined, kernel: Pair): Conv2DAttrs {
  checkOptions(op, options, ['stride', 'padding', 'dilation', 'groups']);
  const stride = parsePair(op, 'stride', options?.stride, [1, 1], 1);
  const dilation = parsePair(op, 'dilation', options?.dilation, [1, 1], 1);
  const groups = parseGroups(op, options?.groups);
  const padding = parseConvPadding(op, options?.padding, kernel, stride, dilation);
  return { stride, padding, dilation, groups };
}

/** Spatial output size of a convolution; throws a `ShapeError` when the kernel does not fit the padded input. @internal */
export function convOutputShape(op: string, xShape: Shape, wShape: Shape, attrs: Conv2DAttrs): [number, number] {
  const { stride, padding, dilation } = attrs;
  const out: number[] = [];
  for (let d = 0; d < 2; d++) {
    const size = xShape[2 + d]! + padding[2 * d]! + padding[2 * d + 1]!;
    const span = dilation[d]! * (wShape[2 + d]! - 1) + 1;
    if (span > size) {
      throw new ShapeError({
        op,
        arg: 'weight',
        expected: `a (dilated) kernel no larger than the padded input (${d === 0 ? 'height' : 'width'} ${size})`,
        got: `kernel ${formatShape(wShape.slice(2))} spanning ${span} on input ${formatShape(xShape)}`,
      });
    }
    out.push(Math.floor((size - span) / stride[d]!) + 1);
  }
  return [out[0]!, out[1]!];
}

/** Checks a tensor has one of `ranks`, naming `what` its dims are. @internal */
export function checkRank(op: string, arg: string, x: Tensor, ranks: readonly number[], what: string): void {
  if (!ranks.includes(x.rank)) {
    throw new ShapeError({
      op,
      arg,
      expected: `a ${ranks.join('-D or ')}-D tensor ${what}`,
      got: `shape ${formatShape(x.shape)}`,
    });
  }
}

/** Checks that the tensors are float and returns their common (promoted) float dtype. @internal */
export function floatDType(op: string, named: Readonly<Record<string, Tensor | null>>): DType {
  let dtype: DType = 'float32';
  for (const [arg, t] of Object.entries(named)) {
    if (t === null) continue;
    if (!isFloat(t.dtype)) {
      throw new DTypeError({ op, arg, expected: 'a float32 or float64 tensor', got: t.dtype });
    }
    if (t.dtype === 'float64') dtype = 'float64';
  }
  return dtype;
}

/**
 * Checks the channel counts of a convolution: `x: [N, C, …]` and `weight: [O, C / groups, …]`, both
 * `C` and `O` divisible by `groups`, and a kernel of at least one tap. @internal
 */
export function checkChannels(op: string, xShape: Shape, wShape: Shape, groups: number): void {
  const c = xShape[1]!;
  const o = wShape[0]!;
  const cg = wShape[1]!;
  if (c % groups !== 0) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: `a channel count divisible by groups = ${groups}`,
      got: `shape ${formatShape(xShape)}`,
    });
  }
  if (o % groups !== 0) {
    throw new ShapeError({
      op,
      arg: 'weight',
      expected: `weight.shape[0] divisible by groups = ${groups}`,
      got: `shape ${formatShape(wShape)}`,
    });
  }
  if (cg * groups !== c) {
    throw new ShapeError({
      op,
      arg: 'weight',
      expected: `weight.shape[1] = channels / groups = ${c / groups} (input ${formatShape(xShape)}, groups ${groups})`,
      got: `shape ${formatShape(wShape)}`,
    });
  }
  if (wShape.slice(2).some((k) => k < 1)) {
    throw new ShapeError({
      op,
      arg: 'weight',
      expected: 'a kernel of at least one tap per dim',
      got: `shape ${formatShape(wShape)}`,
    });
  }
}

/** Checks an explicit 4-D shape argument (`inputShape`, `filterShape`). @internal */
export function checkShape4(op: string, arg: string, shape: unknown): [number, number, number, number] {
  if (!Array.isArray(shape) || shape.length !== 4 || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) {
    throw new ArgumentError({
      op,
      arg,
      expected: 'four non-negative integers',
      got: Array.isArray(shape) ? `[${shape.join(', ')}]` : describe(shape),
    });
  }
  return [shape[0], shape[1], shape[2], shape[3]];
}

/** Checks `t` has exactly `shape`. @internal */
export function expectShape(op: string, arg: string, t: Tensor, shape: Shape, why: string): void {
  if (!shapesEqual(t.shape, shape)) {
    throw new ShapeError({ op, arg, expected: `shape ${formatShape(shape)} (${why})`, got: formatShape(t.shape) });
  }
}

/** `x` with a new shape of the same size (the `Reshape` primitive; no-op when equal). @internal */
export function reshapeTo(x: Tensor, shape: Shape): Tensor {
  return shapesEqual(x.shape, shape) ? x : runKernel('Reshape', { x }, { shape: [...shape] });
}

/** The validated arguments of a conv2d gradient op. @internal */
export interface ConvGradArgs {
  /** The common float dtype of the two tensors. */
  readonly dtype: DType;
  /** Normalised options. */
  readonly attrs: Conv2DAttrs;
  /** The explicit shape argument (`inputShape` or `filterShape`), checked. */
  readonly shape: [number, number, number, number];
}

/**
 * The checks shared by `conv2dBackpropInput` (`given` = the forward `weight`, `shape` = `inputShape`)
 * and `conv2dBackpropFilter` (`given` = the forward `x`, `shape` = `filterShape`): both tensors 4-D
 * and float, the shape argument, the options, the channels, and `dy` being the forward output. @internal
 */
export function checkConvGradArgs(
  op: string,
  dy: Tensor,
  given: readonly ['x' | 'weight', Tensor],
  shape: unknown,
  options: Conv2dOptions | undefined,
): ConvGradArgs {
  const [givenArg, t] = given;
  const forInput = givenArg === 'weight';
  const dyDims = "[N, O, H', W']";
  const operands: [string, Tensor, string][] = forInput
    ? [
        ['dy', dy, dyDims],
        ['weight', t, '[O, C / groups, kh, kw]'],
      ]
    : [
        ['x', t, '[N, C, H, W]'],
        ['dy', dy, dyDims],
      ];
  for (const [arg, tensor] of operands) checkTensor(op, arg, tensor);
  for (const [arg, tensor, dims] of operands) checkRank(op, arg, tensor, [4], dims);
  const dtype = floatDType(op, Object.fromEntries(operands.map(([arg, tensor]) => [arg, tensor])));
  const checked = checkShape4(op, forInput ? 'inputShape' : 'filterShape', shape);
  const xShape = forInput ? checked : t.shape;
  const wShape = forInput ? t.shape : checked;
  const attrs = convAttrs(op, options, [wShape[2]!, wShape[3]!]);
  checkChannels(op, xShape, wShape, attrs.groups);
  const out = convOutputShape(op, xShape, wShape, attrs);
  const why = forInput
    ? `the conv2d output for input ${formatShape(xShape)}`
    : `the conv2d output of x ${formatShape(xShape)} with filters ${formatShape(wShape)}`;
  expectShape(op, 'dy', dy, [xShape[0]!, wShape[0]!, ...out], why);
  return { dtype, attrs, shape: checked };
}
