import { ArgumentError, conv2d, tidy, zeros, type Tensor, type Variable } from '@nn/tensor';
import { Module } from '../module/module.js';
import { checkBool, checkDim, checkInput, checkInt, checkOptions, layerOptions, parameter } from './checks.js';
import { checkSpatial, convGeometry, initConv, padSpatial, type ConvGeometry, type PaddingMode } from './conv-shared.js';
import type { LayerOptions } from './options.js';

/** Options of `Conv2d`. @category Convolution */
export interface Conv2dLayerOptions extends LayerOptions {
  /** Step between windows, one number or `[sh, sw]` (default 1). */
  stride?: number | readonly [number, number];
  /** Padding on each side, one number or `[ph, pw]`, or `'same'` (stride 1 only) / `'valid'` (default 0). */
  padding?: number | readonly [number, number] | 'same' | 'valid';
  /** Spacing between kernel taps, one number or `[dh, dw]` (default 1). */
  dilation?: number | readonly [number, number];
  /** Channel groups: `inChannels` and `outChannels` must both be divisible by it (default 1). */
  groups?: number;
  /** Whether to add a learned bias (default `true`). */
  bias?: boolean;
  /** How the padding is filled (default `'zeros'`). */
  paddingMode?: PaddingMode;
}

/**
 * A 2-D convolution layer (cross-correlation), like `torch.nn.Conv2d`.
 *
 * `x: [N, C_in, H, W] → [N, C_out, H', W']` with
 * `H' = ⌊(H + 2·ph − dh·(kh − 1) − 1) / sh⌋ + 1` (likewise `W'`); an unbatched `x: [C_in, H, W]`
 * gives `[C_out, H', W']`.
 *
 * Parameters: `weight: [C_out, C_in / groups, kh, kw]`, `bias: [C_out]` (or `null`), drawn from
 * U(−1/√fanIn, 1/√fanIn) with `fanIn = C_in / groups · kh · kw`, as in PyTorch.
 *
 * @param inChannels - `C_in`.
 * @param outChannels - `C_out`.
 * @param kernelSize - one number or `[kh, kw]`.
 * @param options - `stride`, `padding`, `dilation`, `groups`, `bias`, `paddingMode`, `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options (channels not divisible by `groups`,
 *   `'same'` with a stride, an unknown `paddingMode`).
 * @example
 * ```ts
 * const conv = new Conv2d(3, 8, 3, { padding: 1 });
 * conv.call(zeros([2, 3, 32, 32])).shape;                         // [2, 8, 32, 32]
 * conv.call(zeros([3, 10, 10])).shape;                            // [8, 10, 10]
 * conv.weight.shape;                                              // [8, 3, 3, 3]
 * new Conv2d(4, 4, 3, { stride: 2 }).call(zeros([1, 4, 9, 9])).shape; // [1, 4, 4, 4]
 * new Conv2d(4, 6, [1, 3], { groups: 2 }).weight.shape;           // [6, 2, 1, 3]
 * conv.call(zeros([2, 4, 32, 32]));                               // throws ShapeError
 * ```
 * @category Convolution
 */
export class Conv2d extends Module<[Tensor], Tensor> {
  /** `C_in`. */
  readonly inChannels: number;
  /** `C_out`. */
  readonly outChannels: number;
  /** `[kh, kw]`. */
  readonly kernelSize: [number, number];
  /** `[sh, sw]`. */
  readonly stride: [number, number];
  /** `[ph, pw]`, `'same'` or `'valid'`. */
  readonly padding: [number, number] | 'same' | 'valid';
  /** `[dh, dw]`. */
  readonly dilation: [number, number];
  /** Channel groups. */
  readonly groups: number;
  /** How the padding is filled. */
  readonly paddingMode: PaddingMode;
  /** `[C_out, C_in / groups, kh, kw]`. */
  weight: Variable;
  /** `[C_out]`, or `null` without bias. */
  bias: Variable | null;
  readonly #geometry: ConvGeometry;

  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly [number, number], options: Conv2dLayerOptions = {}) {
    super();
    const op = 'new Conv2d';
    const o = checkOptions(op, options, ['stride', 'padding', 'dilation', 'groups', 'bias', 'paddingMode', 'dtype', 'generator']);
    this.inChannels = checkInt(op, 'inChannels', inChannels);
    this.outChannels = checkInt(op, 'outChannels', outChannels);
    this.groups = checkInt(op, 'groups', o.groups ?? 1);
    checkGroups(op, inChannels, outChannels, this.groups);
    const g = convGeometry(op, 2, kernelSize, o);
    this.#geometry = g;
    this.kernelSize = g.kernelSize as [number, number];
    this.stride = g.stride as [number, number];
    this.dilation = g.dilation as [number, number];
    this.padding = typeof g.padding === 'string' ? g.padding : (g.padding as [number, number]);
    this.paddingMode = g.paddingMode;
    const withBias = checkBool(op, 'bias', o.bias, true);
    const { dtype, generator } = layerOptions(op, o);
    this.weight = parameter(zeros([outChannels, inChannels / this.groups, ...this.kernelSize], { dtype }), 'weight');
    this.bias = withBias ? parameter(zeros([outChannels], { dtype }), 'bias') : null;
    initConv(this.weight, this.bias, generator);
  }

  /**
   * Applies the convolution.
   * @param x - `[N, C_in, H, W]` or `[C_in, H, W]`, in the dtype of the parameters.
   * @returns `[N, C_out, H', W']` (or `[C_out, H', W']`).
   * @throws `ShapeError` for a wrong rank, channel count, or an input smaller than the kernel;
   *   `DTypeError` when its dtype is not the parameters'.
   */
  forward(x: Tensor): Tensor {
    const op = 'Conv2d.forward';
    checkInput(op, x, [4, 3], '[N, C_in, H, W] (or unbatched [C_in, H, W])', this.weight.dtype);
    checkDim(op, x, -3, this.inChannels, 'the channel dim (inChannels)');
    const g = this.#geometry;
    checkSpatial(op, x, g);
    const options = { stride: this.stride, dilation: this.dilation, groups: this.groups };
    const w = this.weight.value;
    const b = this.bias?.value ?? null;
    if (g.paddingMode === 'zeros') return conv2d(x, w, b, { ...options, padding: this.padding });
    const mode = g.paddingMode;
    return tidy(() => conv2d(padSpatial(x, g.amounts, mode), w, b, options));
  }
}

/** Both channel counts must be divisible by `groups`. @internal */
export function checkGroups(op: string, inChannels: number, outChannels: number, groups: number): void {
  for (const [arg, c] of [['inChannels', inChannels], ['outChannels', outChannels]] as const) {
    if (c % groups !== 0) {
      throw new ArgumentError({ op, arg, expected: `a multiple of groups = ${groups}`, got: String(c) });
    }
  }
}
