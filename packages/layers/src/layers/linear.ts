import { zeros, type Tensor, type Variable } from '@nn/tensor';
import { linear } from '../functional/layers/linear.js';
import { fanInAndFanOut, kaimingUniform, uniform } from '../init/index.js';
import { Module } from '../module/module.js';
import { checkBool, checkDim, checkInput, checkInt, checkOptions, layerOptions, parameter } from './checks.js';
import type { LayerOptions } from './options.js';

/** Options of `Linear`. @category Layers */
export interface LinearOptions extends LayerOptions {
  /** Whether the layer adds a learned bias (default `true`). */
  bias?: boolean;
}

/**
 * A fully connected (dense) layer, `y = x·Wᵀ + b`, like `torch.nn.Linear`.
 *
 * `x: [*, inFeatures] → [*, outFeatures]` (any leading dims, including none).
 *
 * Parameters: `weight: [outFeatures, inFeatures]`, `bias: [outFeatures]` (or `null`), both drawn
 * from U(−1/√inFeatures, 1/√inFeatures) as in PyTorch (kaiming-uniform with a = √5 for the weight).
 *
 * @param inFeatures - size of each input sample (≥ 0).
 * @param outFeatures - size of each output sample (≥ 0).
 * @param options - `bias` (default `true`), `dtype`, `generator` (see {@link LayerOptions}).
 * @throws `ArgumentError` for non-integer or negative sizes or unknown options.
 * @example
 * ```ts
 * const fc = new Linear(4, 2);
 * fc.call(zeros([3, 4])).shape;          // [3, 2]
 * fc.call(zeros([4])).shape;             // [2]
 * Object.keys(fc.stateDict());           // ['weight', 'bias']
 * fc.weight.shape;                       // [2, 4]
 * new Linear(4, 2, { bias: false }).bias; // null
 * fc.call(zeros([3, 5]));                // throws ShapeError
 * ```
 * @category Layers
 */
export class Linear extends Module<[Tensor], Tensor> {
  /** Size of each input sample. */
  readonly inFeatures: number;
  /** Size of each output sample. */
  readonly outFeatures: number;
  /** `[outFeatures, inFeatures]`. */
  weight: Variable;
  /** `[outFeatures]`, or `null` without bias. */
  bias: Variable | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    const op = 'new Linear';
    this.inFeatures = checkInt(op, 'inFeatures', inFeatures, 0);
    this.outFeatures = checkInt(op, 'outFeatures', outFeatures, 0);
    const o = checkOptions(op, options, ['bias', 'dtype', 'generator']);
    const withBias = checkBool(op, 'bias', o.bias, true);
    const { dtype, generator } = layerOptions(op, o);
    this.weight = parameter(zeros([outFeatures, inFeatures], { dtype }), 'weight');
    this.bias = withBias ? parameter(zeros([outFeatures], { dtype }), 'bias') : null;
    if (inFeatures > 0) kaimingUniform(this.weight, { a: Math.sqrt(5), generator });
    if (this.bias !== null) {
      const [fanIn] = fanInAndFanOut(this.weight.shape);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform(this.bias, { a: -bound, b: bound, generator });
    }
  }

  /**
   * Applies the layer.
   * @param x - `[*, inFeatures]`, in the dtype of the parameters.
   * @returns `[*, outFeatures]`.
   * @throws `ShapeError` when `x` is 0-D or its last dim is not `inFeatures`;
   *   `DTypeError` when its dtype is not the parameters'.
   */
  forward(x: Tensor): Tensor {
    const op = 'Linear.forward';
    checkInput(op, x, null, '', this.weight.dtype);
    checkDim(op, x, -1, this.inFeatures, 'the last dim (inFeatures)');
    return linear(x, this.weight.value, this.bias?.value ?? null);
  }
}
