import { ArgumentError, convTranspose2d, ShapeError, zeros, type Tensor, type Variable } from '@nn/tensor';
import { Module } from '../module/module.js';
import { checkBool, checkDim, checkInput, checkInt, checkOptions, checkTuple, layerOptions, parameter, shapeText, show } from './checks.js';
import { checkGroups } from './conv2d.js';
import { initConv } from './conv-shared.js';
import type { LayerOptions } from './options.js';

/** Options of `ConvTranspose2d`. @category Convolution */
export interface ConvTranspose2dLayerOptions extends LayerOptions {
  /** Step of the (forward) convolution this transposes, one number or `[sh, sw]` (default 1). */
  stride?: number | readonly [number, number];
  /** Rows/columns removed from each side of the output, one number or `[ph, pw]` (default 0). */
  padding?: number | readonly [number, number];
  /** Extra rows/columns added at the bottom/right of the output, each smaller than the stride or the dilation (default 0). */
  outputPadding?: number | readonly [number, number];
  /** Channel groups: `inChannels` and `outChannels` must both be divisible by it (default 1). */
  groups?: number;
  /** Whether to add a learned bias (default `true`). */
  bias?: boolean;
  /** Spacing between kernel taps, one number or `[dh, dw]` (default 1). */
  dilation?: number | readonly [number, number];
}

/**
 * A 2-D transposed convolution layer (the gradient of `Conv2d` with respect to its input, used to
 * upsample), like `torch.nn.ConvTranspose2d`.
 *
 * `x: [N, C_in, H, W] → [N, C_out, H', W']` with
 * `H' = (H − 1)·sh − 2·ph + dh·(kh − 1) + outputPadding_h + 1` (likewise `W'`); an unbatched
 * `x: [C_in, H, W]` gives `[C_out, H', W']`.
 *
 * Parameters: `weight: [C_in, C_out / groups, kh, kw]` (PyTorch's layout), `bias: [C_out]` (or
 * `null`), drawn from U(−1/√fanIn, 1/√fanIn) with PyTorch's `fanIn = C_out / groups · kh · kw`.
 * Only zero padding exists (as in PyTorch).
 *
 * @param inChannels - `C_in`.
 * @param outChannels - `C_out`.
 * @param kernelSize - one number or `[kh, kw]`.
 * @param options - `stride`, `padding`, `outputPadding`, `groups`, `bias`, `dilation`, `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options (`outputPadding` not smaller than the stride or the dilation).
 * @example
 * ```ts
 * const up = new ConvTranspose2d(8, 4, 3, { stride: 2, padding: 1, outputPadding: 1 });
 * up.call(zeros([1, 8, 5, 5])).shape;            // [1, 4, 10, 10]
 * up.weight.shape;                               // [8, 4, 3, 3]
 * const up2 = new ConvTranspose2d(8, 4, 3, { stride: 2, padding: 1 });
 * up2.call(zeros([1, 8, 5, 5])).shape;           // [1, 4, 9, 9]
 * up2.call(zeros([1, 8, 5, 5]), [10, 10]).shape; // [1, 4, 10, 10]
 * ```
 * @category Convolution
 */
export class ConvTranspose2d extends Module<[x: Tensor, outputSize?: readonly number[]], Tensor> {
  /** `C_in`. */
  readonly inChannels: number;
  /** `C_out`. */
  readonly outChannels: number;
  /** `[kh, kw]`. */
  readonly kernelSize: [number, number];
  /** `[sh, sw]`. */
  readonly stride: [number, number];
  /** `[ph, pw]`. */
  readonly padding: [number, number];
  /** `[oph, opw]`. */
  readonly outputPadding: [number, number];
  /** Channel groups. */
  readonly groups: number;
  /** `[dh, dw]`. */
  readonly dilation: [number, number];
  /** `[C_in, C_out / groups, kh, kw]`. */
  weight: Variable;
  /** `[C_out]`, or `null` without bias. */
  bias: Variable | null;

  constructor(
    inChannels: number,
    outChannels: number,
    kernelSize: number | readonly [number, number],
    options: ConvTranspose2dLayerOptions = {},
  ) {
    super();
    const op = 'new ConvTranspose2d';
    const o = checkOptions(op, options, ['stride', 'padding', 'outputPadding', 'groups', 'bias', 'dilation', 'dtype', 'generator']);
    this.inChannels = checkInt(op, 'inChannels', inChannels);
    this.outChannels = checkInt(op, 'outChannels', outChannels);
    this.groups = checkInt(op, 'groups', o.groups ?? 1);
    checkGroups(op, inChannels, outChannels, this.groups);
    const pair = (arg: string, v: unknown, min: number, fallback: number): [number, number] =>
      checkTuple(op, arg, v, 2, min, [fallback, fallback]) as [number, number];
    this.kernelSize = pair('kernelSize', kernelSize ?? null, 1, 1);
    this.stride = pair('stride', o.stride, 1, 1);
    this.padding = pair('padding', o.padding, 0, 0);
    this.outputPadding = pair('outputPadding', o.outputPadding, 0, 0);
    this.dilation = pair('dilation', o.dilation, 1, 1);
    for (let d = 0; d < 2; d++) {
      if (this.outputPadding[d]! >= this.stride[d]! && this.outputPadding[d]! >= this.dilation[d]!) {
        throw new ArgumentError({
          op,
          arg: 'outputPadding',
          expected: 'values smaller than the stride or the dilation',
          got: `${show(this.outputPadding)} with stride ${show(this.stride)} and dilation ${show(this.dilation)}`,
        });
      }
    }
    const withBias = checkBool(op, 'bias', o.bias, true);
    const { dtype, generator } = layerOptions(op, o);
    this.weight = parameter(zeros([inChannels, outChannels / this.groups, ...this.kernelSize], { dtype }), 'weight');
    this.bias = withBias ? parameter(zeros([outChannels], { dtype }), 'bias') : null;
    initConv(this.weight, this.bias, generator);
  }

  /**
   * Applies the transposed convolution.
   * @param x - `[N, C_in, H, W]` or `[C_in, H, W]`, in the dtype of the parameters.
   * @param outputSize - optional `[H', W']` (or a full output shape, whose last two dims are used):
   *   picks the output padding that gives this size, which must lie in `[min, min + stride − 1]`
   *   (the output sizes a strided convolution maps back onto the input size).
   * @returns `[N, C_out, H', W']` (or `[C_out, H', W']`).
   * @throws `ShapeError` for a wrong rank or channel count, an output size out of range;
   *   `DTypeError` when its dtype is not the parameters'.
   */
  forward(x: Tensor, outputSize?: readonly number[]): Tensor {
    const op = 'ConvTranspose2d.forward';
    checkInput(op, x, [4, 3], '[N, C_in, H, W] (or unbatched [C_in, H, W])', this.weight.dtype);
    checkDim(op, x, -3, this.inChannels, 'the channel dim (inChannels)');
    let outputPadding: [number, number] = this.outputPadding;
    const minSize = [0, 1].map(
      (d) => (x.shape[x.rank - 2 + d]! - 1) * this.stride[d]! - 2 * this.padding[d]! + this.dilation[d]! * (this.kernelSize[d]! - 1) + 1,
    );
    if (outputSize !== undefined && outputSize !== null) {
      if (!Array.isArray(outputSize) || outputSize.length < 2 || !outputSize.every((v) => Number.isInteger(v) && v >= 0)) {
        throw new ArgumentError({ op, arg: 'outputSize', expected: '[H, W] or a full output shape of integers', got: show(outputSize) });
      }
      const want = outputSize.slice(-2);
      outputPadding = [0, 1].map((d) => {
        const extra = want[d]! - minSize[d]!;
        const limit = this.stride[d]! - 1;
        if (extra < 0 || extra > limit) {
          throw new ShapeError({
            op,
            arg: 'outputSize',
            expected: `sizes between ${shapeText(minSize)} and ${shapeText(minSize.map((m, i) => m + this.stride[i]! - 1))}`,
            got: shapeText(outputSize),
          });
        }
        return extra;
      }) as [number, number];
    }
    if (minSize.some((m, d) => m + outputPadding[d]! < 1)) {
      throw new ShapeError({ op, arg: 'x', expected: 'spatial dims giving a positive output size', got: `shape ${shapeText(x.shape)}` });
    }
    return convTranspose2d(x, this.weight.value, this.bias?.value ?? null, {
      stride: this.stride,
      padding: this.padding,
      outputPadding,
      dilation: this.dilation,
      groups: this.groups,
    });
  }
}
