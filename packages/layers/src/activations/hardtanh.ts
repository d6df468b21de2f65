import type { Tensor } from '@nn/tensor';
import { checkHardtanhRange } from '../functional/activations/hardtanh.js';
import { hardtanh } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The hard tanh, `x` clipped to `[minVal, maxVal]` elementwise, like
 * `torch.nn.Hardtanh(min_val, max_val)` (gradient 1 strictly inside the range, 0 elsewhere).
 *
 * `x: [*] → [*]`
 *
 * @param minVal - the lower end (default −1).
 * @param maxVal - the upper end (default 1), greater than `minVal`.
 * @throws `ArgumentError` when the ends are not finite or `minVal ≥ maxVal`.
 * @example
 * ```ts
 * new Hardtanh().call(tensor([-3, 0.5, 2])).toArray();       // [-1, 0.5, 1]
 * new Hardtanh(-2, 2).call(tensor([-3, 0.5, 2])).toArray();  // [-2, 0.5, 2]
 * new Hardtanh(1, -1);                                        // throws ArgumentError
 * ```
 * @category Activations
 */
export class Hardtanh extends Module<[Tensor], Tensor> {
  /** The lower end. */
  readonly minVal: number;
  /** The upper end. */
  readonly maxVal: number;

  constructor(minVal = -1, maxVal = 1) {
    super();
    [this.minVal, this.maxVal] = checkHardtanhRange('new Hardtanh', minVal, maxVal);
  }

  /** Applies `hardtanh(x, minVal, maxVal)`. @param x - any tensor. @returns a float tensor of the same shape. */
  forward(x: Tensor): Tensor {
    return hardtanh(x, this.minVal, this.maxVal);
  }
}

/**
 * ReLU capped at 6, `min(max(x, 0), 6)` elementwise, like `torch.nn.ReLU6` (a `Hardtanh(0, 6)`,
 * as in PyTorch).
 *
 * `x: [*] → [*]`
 *
 * @example
 * ```ts
 * new ReLU6().call(tensor([-1, 3, 10])).toArray(); // [0, 3, 6]
 * new ReLU6() instanceof Hardtanh;                 // true
 * ```
 * @category Activations
 */
export class ReLU6 extends Hardtanh {
  constructor() {
    super(0, 6);
  }
}
