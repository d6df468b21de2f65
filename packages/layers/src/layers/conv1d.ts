import { conv1d, tidy, zeros, type Tensor, type Variable } from '@nn/tensor';
import { Module } from '../module/module.js';
import { checkBool, checkDim, checkInput, checkInt, checkOptions, layerOptions, parameter } from './checks.js';
import { checkGroups } from './conv2d.js';
import { checkSpatial, convGeometry, initConv, padSpatial, type ConvGeometry, type PaddingMode } from './conv-shared.js';
import type { LayerOptions } from './options.js';

/** Options of `Conv1d`. @category Convolution */
export interface Conv1dLayerOptions extends LayerOptions {
  /** Step between windows (default 1). */
  stride?: number | readonly [number];
  /** Padding on both ends, or `'same'` (stride 1 only) / `'valid'` (default 0). */
  padding?: number | readonly [number] | 'same' | 'valid';
  /** Spacing between kernel taps (default 1). */
  dilation?: number | readonly [number];
  /** Channel groups: `inChannels` and `outChannels` must both be divisible by it (default 1). */
  groups?: number;
  /** Whether to add a learned bias (default `true`). */
  bias?: boolean;
  /** How the padding is filled (default `'zeros'`). */
  paddingMode?: PaddingMode;
}

/**
 * A 1-D convolution layer (cross-correlation over a sequence), like `torch.nn.Conv1d`.
 *
 * `x: [N, C_in, L] → [N, C_out, L']` with `L' = ⌊(L + 2·p − d·(k − 1) − 1) / s⌋ + 1`; an unbatched
 * `x: [C_in, L]` gives `[C_out, L']`.
 *
 * Parameters: `weight: [C_out, C_in / groups, k]`, `bias: [C_out]` (or `null`), drawn from
 * U(−1/√fanIn, 1/√fanIn) with `fanIn = C_in / groups · k`, as in PyTorch.
 *
 * @param inChannels - `C_in`.
 * @param outChannels - `C_out`.
 * @param kernelSize - `k` (a number or `[k]`).
 * @param options - `stride`, `padding`, `dilation`, `groups`, `bias`, `paddingMode`, `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options.
 * @example
 * ```ts
 * const conv = new Conv1d(2, 4, 3);
 * conv.call(zeros([5, 2, 10])).shape;                                   // [5, 4, 8]
 * conv.call(zeros([2, 10])).shape;                                      // [4, 8]
 * new Conv1d(2, 4, 3, { padding: 'same' }).call(zeros([1, 2, 7])).shape; // [1, 4, 7]
 * Object.keys(conv.stateDict());                                        // ['weight', 'bias']
 * ```
 * @category Convolution
 */
export class Conv1d extends Module<[Tensor], Tensor> {
  /** `C_in`. */
  readonly inChannels: number;
  /** `C_out`. */
  readonly outChannels: number;
  /** `k`. */
  readonly kernelSize: number;
  /** The step. */
  readonly stride: number;
  /** The padding on each end, `'same'` or `'valid'`. */
  readonly padding: number | 'same' | 'valid';
  /** The tap spacing. */
  readonly dilation: number;
  /** Channel groups. */
  readonly groups: number;
  /** How the padding is filled. */
  readonly paddingMode: PaddingMode;
  /** `[C_out, C_in / groups, k]`. */
  weight: Variable;
  /** `[C_out]`, or `null` without bias. */
  bias: Variable | null;
  readonly #geometry: ConvGeometry;

  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly [number], options: Conv1dLayerOptions = {}) {
    super();
    const op = 'new Conv1d';
    const o = checkOptions(op, options, ['stride', 'padding', 'dilation', 'groups', 'bias', 'paddingMode', 'dtype', 'generator']);
    this.inChannels = checkInt(op, 'inChannels', inChannels);
    this.outChannels = checkInt(op, 'outChannels', outChannels);
    this.groups = checkInt(op, 'groups', o.groups ?? 1);
    checkGroups(op, inChannels, outChannels, this.groups);
    const g = convGeometry(op, 1, kernelSize, o);
    this.#geometry = g;
    this.kernelSize = g.kernelSize[0]!;
    this.stride = g.stride[0]!;
    this.dilation = g.dilation[0]!;
    this.padding = typeof g.padding === 'string' ? g.padding : g.padding[0]!;
    this.paddingMode = g.paddingMode;
    const withBias = checkBool(op, 'bias', o.bias, true);
    const { dtype, generator } = layerOptions(op, o);
    this.weight = parameter(zeros([outChannels, inChannels / this.groups, this.kernelSize], { dtype }), 'weight');
    this.bias = withBias ? parameter(zeros([outChannels], { dtype }), 'bias') : null;
    initConv(this.weight, this.bias, generator);
  }

  /**
   * Applies the convolution.
   * @param x - `[N, C_in, L]` or `[C_in, L]`, in the dtype of the parameters.
   * @returns `[N, C_out, L']` (or `[C_out, L']`).
   * @throws `ShapeError` for a wrong rank, channel count, or an input shorter than the kernel;
   *   `DTypeError` when its dtype is not the parameters'.
   */
  forward(x: Tensor): Tensor {
    const op = 'Conv1d.forward';
    checkInput(op, x, [3, 2], '[N, C_in, L] (or unbatched [C_in, L])', this.weight.dtype);
    checkDim(op, x, -2, this.inChannels, 'the channel dim (inChannels)');
    const g = this.#geometry;
    checkSpatial(op, x, g);
    const options = { stride: this.stride, dilation: this.dilation, groups: this.groups };
    const w = this.weight.value;
    const b = this.bias?.value ?? null;
    if (g.paddingMode === 'zeros') return conv1d(x, w, b, { ...options, padding: this.padding });
    const mode = g.paddingMode;
    return tidy(() => conv1d(padSpatial(x, g.amounts, mode), w, b, options));
  }
}
