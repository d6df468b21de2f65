import { avgPool2d, type Tensor } from '@nn/tensor';
import { Module } from '../module/module.js';
import { checkBool, checkFloat, checkInput, checkOptions } from './checks.js';
import { checkPoolInput, poolGeometry, type PoolGeometry } from './pool-shared.js';

/** Options of `AvgPool2d`. @category Pooling */
export interface AvgPool2dLayerOptions {
  /** Window step, one number or `[sh, sw]` (default: the kernel size). */
  stride?: number | readonly [number, number] | null;
  /** Implicit zero padding on each side, at most half the kernel (default 0). */
  padding?: number | readonly [number, number];
  /** Use ⌈⌉ instead of ⌊⌋ for the output size (default `false`). */
  ceilMode?: boolean;
  /** Count padding positions in each window's divisor (default `true`). */
  countIncludePad?: boolean;
}

/**
 * 2-D average pooling, like `torch.nn.AvgPool2d` (without `divisor_override`).
 *
 * `x: [N, C, H, W] → [N, C, H', W']` with `H' = ⌊(H + 2·ph − kh) / sh⌋ + 1` (⌈⌉ with `ceilMode`);
 * an unbatched `x: [C, H, W]` gives `[C, H', W']`. No parameters.
 *
 * @param kernelSize - the window, one number or `[kh, kw]`.
 * @param options - `stride` (default `kernelSize`), `padding`, `ceilMode`, `countIncludePad`.
 * @throws `ArgumentError` for invalid sizes, or padding larger than half the kernel.
 * @example
 * ```ts
 * new AvgPool2d(2).call(tensor([[[[1, 2], [3, 4]]]])).toArray(); // [[[[2.5]]]]
 * new AvgPool2d(3, { stride: 2, padding: 1 }).call(zeros([2, 4, 8, 8])).shape; // [2, 4, 4, 4]
 * const edge = new AvgPool2d(3, { stride: 1, padding: 1, countIncludePad: false });
 * edge.call(ones([1, 1, 3, 3])).toArray(); // [[[[1, 1, 1], [1, 1, 1], [1, 1, 1]]]]
 * ```
 * @category Pooling
 */
export class AvgPool2d extends Module<[Tensor], Tensor> {
  /** `[kh, kw]`. */
  readonly kernelSize: [number, number];
  /** `[sh, sw]`. */
  readonly stride: [number, number];
  /** `[ph, pw]`. */
  readonly padding: [number, number];
  /** Whether output sizes round up. */
  readonly ceilMode: boolean;
  /** Whether padding counts in the divisor. */
  readonly countIncludePad: boolean;
  readonly #geometry: PoolGeometry;

  constructor(kernelSize: number | readonly [number, number], options: AvgPool2dLayerOptions = {}) {
    super();
    const op = 'new AvgPool2d';
    const o = checkOptions(op, options, ['stride', 'padding', 'ceilMode', 'countIncludePad']);
    const g = poolGeometry(op, kernelSize, o);
    this.#geometry = g;
    ({ kernelSize: this.kernelSize, stride: this.stride, padding: this.padding, ceilMode: this.ceilMode } = g);
    this.countIncludePad = checkBool(op, 'countIncludePad', o.countIncludePad, true);
  }

  /**
   * Averages each window.
   * @param x - `[N, C, H, W]` or `[C, H, W]`, float32 or float64.
   * @returns `[N, C, H', W']` (or `[C, H', W']`).
   * @throws `ShapeError` for a wrong rank or an input smaller than one window; `DTypeError` for non-float input.
   */
  forward(x: Tensor): Tensor {
    const op = 'AvgPool2d.forward';
    checkInput(op, x, [4, 3], '[N, C, H, W] (or unbatched [C, H, W])');
    checkFloat(op, 'x', x);
    checkPoolInput(op, x, this.#geometry);
    const { stride, padding, ceilMode, countIncludePad } = this;
    return avgPool2d(x, this.kernelSize, { stride, padding, ceilMode, countIncludePad });
  }
}
