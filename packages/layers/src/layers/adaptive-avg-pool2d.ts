import { adaptiveAvgPool2d, ArgumentError, type Tensor } from '@nn/tensor';
import { Module } from '../module/module.js';
import { checkFloat, checkInput, show } from './checks.js';

/**
 * 2-D adaptive average pooling to a fixed output size, like `torch.nn.AdaptiveAvgPool2d`: output
 * cell `(i, j)` averages rows `⌊i·H/oh⌋ … ⌈(i+1)·H/oh⌉ − 1` and the columns likewise, whatever the
 * input size (the usual head of a CNN: `new AdaptiveAvgPool2d(1)` then `Flatten`).
 *
 * `x: [N, C, H, W] → [N, C, oh, ow]`; an unbatched `x: [C, H, W]` gives `[C, oh, ow]`. A `null`
 * size keeps that input dim. No parameters.
 *
 * @param outputSize - one number or `[oh, ow]` (each ≥ 1, or `null` for the input's size).
 * @throws `ArgumentError` for an invalid `outputSize`.
 * @example
 * ```ts
 * const gap = new AdaptiveAvgPool2d(1);
 * gap.call(ones([2, 8, 7, 5])).shape;                                 // [2, 8, 1, 1]
 * new AdaptiveAvgPool2d([2, null]).call(ones([3, 6, 4])).shape;       // [3, 2, 4]
 * new AdaptiveAvgPool2d([1, 2]).call(tensor([[[1, 2, 3], [4, 5, 6]]])).toArray(); // [[[3, 4]]]
 * ```
 * @category Pooling
 */
export class AdaptiveAvgPool2d extends Module<[Tensor], Tensor> {
  /** `[oh, ow]` (`null` keeps the input size). */
  readonly outputSize: [number | null, number | null];

  constructor(outputSize: number | readonly [number | null, number | null]) {
    super();
    const op = 'new AdaptiveAvgPool2d';
    const list = typeof outputSize === 'number' ? [outputSize, outputSize] : outputSize;
    const ok = (v: unknown): boolean => v === null || (Number.isInteger(v) && (v as number) >= 1);
    if (!Array.isArray(list) || list.length !== 2 || !list.every(ok)) {
      throw new ArgumentError({ op, arg: 'outputSize', expected: 'an integer ≥ 1 or a pair of them (or null)', got: show(outputSize) });
    }
    this.outputSize = [list[0] as number | null, list[1] as number | null];
  }

  /**
   * Averages adaptively sized windows.
   * @param x - `[N, C, H, W]` or `[C, H, W]`, float32 or float64.
   * @returns `[N, C, oh, ow]` (or `[C, oh, ow]`).
   * @throws `ShapeError` for a wrong rank or empty spatial dims; `DTypeError` for non-float input.
   */
  forward(x: Tensor): Tensor {
    const op = 'AdaptiveAvgPool2d.forward';
    checkInput(op, x, [4, 3], '[N, C, H, W] (or unbatched [C, H, W])');
    checkFloat(op, 'x', x);
    const [oh, ow] = this.outputSize;
    return adaptiveAvgPool2d(x, [oh ?? x.shape[x.rank - 2]!, ow ?? x.shape[x.rank - 1]!]);
  }
}
