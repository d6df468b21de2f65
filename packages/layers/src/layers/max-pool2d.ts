import { DTypeError, maxPool2d, type Tensor } from '@nn/tensor';
import { Module } from '../module/module.js';
import { checkInput, checkOptions } from './checks.js';
import { checkPoolInput, poolGeometry, type PoolGeometry } from './pool-shared.js';

/** Options of `MaxPool2d`. @category Pooling */
export interface MaxPool2dLayerOptions {
  /** Window step, one number or `[sh, sw]` (default: the kernel size). */
  stride?: number | readonly [number, number] | null;
  /** Implicit −∞ padding on each side, at most half the kernel (default 0). */
  padding?: number | readonly [number, number];
  /** Spacing between window taps (default 1). */
  dilation?: number | readonly [number, number];
  /** Use ⌈⌉ instead of ⌊⌋ for the output size (default `false`). */
  ceilMode?: boolean;
}

/**
 * 2-D max pooling, like `torch.nn.MaxPool2d` (without `return_indices`).
 *
 * `x: [N, C, H, W] → [N, C, H', W']` with `H' = ⌊(H + 2·ph − dh·(kh − 1) − 1) / sh⌋ + 1` (⌈⌉ with
 * `ceilMode`); an unbatched `x: [C, H, W]` gives `[C, H', W']`. No parameters.
 *
 * @param kernelSize - the window, one number or `[kh, kw]`.
 * @param options - `stride` (default `kernelSize`), `padding`, `dilation`, `ceilMode`.
 * @throws `ArgumentError` for invalid sizes, or padding larger than half the kernel.
 * @example
 * ```ts
 * const pool = new MaxPool2d(2);
 * pool.call(tensor([[[[1, 2], [3, 4]]]])).toArray();                // [[[[4]]]]
 * pool.call(zeros([1, 3, 7, 7])).shape;                            // [1, 3, 3, 3]
 * new MaxPool2d(2, { ceilMode: true }).call(zeros([3, 7, 7])).shape; // [3, 4, 4]
 * ```
 * @category Pooling
 */
export class MaxPool2d extends Module<[Tensor], Tensor> {
  /** `[kh, kw]`. */
  readonly kernelSize: [number, number];
  /** `[sh, sw]`. */
  readonly stride: [number, number];
  /** `[ph, pw]`. */
  readonly padding: [number, number];
  /** `[dh, dw]`. */
  readonly dilation: [number, number];
  /** Whether output sizes round up. */
  readonly ceilMode: boolean;
  readonly #geometry: PoolGeometry;

  constructor(kernelSize: number | readonly [number, number], options: MaxPool2dLayerOptions = {}) {
    super();
    const op = 'new MaxPool2d';
    const g = poolGeometry(op, kernelSize, checkOptions(op, options, ['stride', 'padding', 'dilation', 'ceilMode']));
    this.#geometry = g;
    ({ kernelSize: this.kernelSize, stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode } = g);
  }

  /**
   * Takes the maximum of each window.
   * @param x - `[N, C, H, W]` or `[C, H, W]`.
   * @returns `[N, C, H', W']` (or `[C, H', W']`).
   * @throws `ShapeError` for a wrong rank or an input smaller than one window; `DTypeError` for bool input.
   */
  forward(x: Tensor): Tensor {
    const op = 'MaxPool2d.forward';
    checkInput(op, x, [4, 3], '[N, C, H, W] (or unbatched [C, H, W])');
    if (x.dtype === 'bool') throw new DTypeError({ op, arg: 'x', expected: 'a float32, float64 or int32 tensor', got: 'bool' });
    checkPoolInput(op, x, this.#geometry);
    const { stride, padding, dilation, ceilMode } = this;
    return maxPool2d(x, this.kernelSize, { stride, padding, dilation, ceilMode });
  }
}
