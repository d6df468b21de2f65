import { DTypeError, full, ShapeError, Variable, type Tensor } from '@nn/tensor';
import {
  checkFinite,
  checkInteger,
  checkOptions,
  checkTensorArg,
  show,
  shapeText,
} from '../functional/activations/checks.js';
import { prelu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/** Options of `PReLU`. @category Activations */
export interface PReLUOptions {
  /** The dtype of the weight (default `'float32'`). */
  dtype?: 'float32' | 'float64';
}

/**
 * The parametric ReLU, like `torch.nn.PReLU(num_parameters, init)`: `x` where `x > 0`, else
 * `weight · x`, with a learned negative slope shared by all channels (`numParameters = 1`) or one
 * per channel (channels on dim 1 of the input).
 *
 * `x: [N, C, *] → [N, C, *]` (any shape when `numParameters = 1`). Parameter: `weight: [numParameters]`,
 * every element `init`.
 *
 * @param numParameters - 1, or the number of channels `C` (default 1).
 * @param init - the initial slope (default 0.25).
 * @param options - `dtype` of the weight.
 * @throws `ArgumentError` for a bad count, slope or option; at `call`, `ShapeError`
 *   when the input has not `numParameters` channels and `DTypeError` when its dtype is not the weight's.
 * @example
 * ```ts
 * const act = new PReLU();
 * act.call(tensor([-2, 3])).toArray();                    // [-0.5, 3]
 * Object.keys(act.stateDict());                           // ['weight']
 * new PReLU(3, 0.1).weight.value.toArray();               // ≈ [0.1, 0.1, 0.1]
 * new PReLU(3).call(zeros([2, 4]));                       // throws ShapeError
 * ```
 * @category Activations
 */
export class PReLU extends Module<[Tensor], Tensor> {
  /** The number of slopes: 1 or the channel count. */
  readonly numParameters: number;
  /** `[numParameters]`, the negative slopes. */
  weight: Variable;

  constructor(numParameters = 1, init = 0.25, options: PReLUOptions = {}) {
    super();
    const op = 'new PReLU';
    this.numParameters = checkInteger(op, 'numParameters', numParameters, 1, 1);
    const slope = checkFinite(op, 'init', init, 0.25);
    const o = checkOptions(op, options, ['dtype']);
    const dtype = o.dtype ?? 'float32';
    if (dtype !== 'float32' && dtype !== 'float64') {
      throw new DTypeError({ op, arg: 'dtype', expected: "'float32' or 'float64'", got: show(dtype) });
    }
    this.weight = new Variable(full([this.numParameters], slope, { dtype }), { name: 'weight' });
  }

  /**
   * Applies `prelu(x, weight)`.
   * @param x - `[N, C, *]` with `C = numParameters` (any shape when it is 1), in the weight's dtype.
   * @returns a tensor of `x`'s shape.
   */
  forward(x: Tensor): Tensor {
    const op = 'PReLU.forward';
    checkTensorArg(op, 'x', x);
    if (x.dtype !== this.weight.dtype) {
      throw new DTypeError({
        op,
        arg: 'x',
        expected: `a ${this.weight.dtype} tensor (the dtype of the weight)`,
        got: x.dtype,
      });
    }
    if (this.numParameters > 1 && (x.rank < 2 || x.shape[1] !== this.numParameters)) {
      throw new ShapeError({
        op,
        arg: 'x',
        expected: `a tensor [N, ${this.numParameters}, *] (numParameters channels on dim 1)`,
        got: `shape ${shapeText(x.shape)}`,
      });
    }
    return prelu(x, this.weight.value);
  }
}
