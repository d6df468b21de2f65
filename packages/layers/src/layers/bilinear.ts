import { ShapeError, zeros, type Tensor, type Variable } from '@nn/tensor';
import { bilinear } from '../functional/layers/bilinear.js';
import { uniform } from '../init/index.js';
import { Module } from '../module/module.js';
import { checkBool, checkDim, checkInput, checkInt, checkOptions, layerOptions, parameter, shapeText } from './checks.js';
import type { LayerOptions } from './options.js';

/** Options of `Bilinear`. @category Layers */
export interface BilinearOptions extends LayerOptions {
  /** Whether the layer adds a learned bias (default `true`). */
  bias?: boolean;
}

/**
 * A bilinear layer, `y[…, o] = x1ᵀ·W[o]·x2 + b[o]`, like `torch.nn.Bilinear`.
 *
 * `x1: [*, in1Features]`, `x2: [*, in2Features]` (the same leading dims) → `[*, outFeatures]`
 *
 * Parameters: `weight: [outFeatures, in1Features, in2Features]`, `bias: [outFeatures]` (or
 * `null`), both drawn from U(−1/√in1Features, 1/√in1Features) as in PyTorch.
 *
 * @param in1Features - size of each first input.
 * @param in2Features - size of each second input.
 * @param outFeatures - size of each output.
 * @param options - `bias` (default `true`), `dtype`, `generator`.
 * @throws `ArgumentError` for invalid sizes or options.
 * @example
 * ```ts
 * const bil = new Bilinear(3, 4, 2);
 * bil.call(zeros([5, 3]), zeros([5, 4])).shape; // [5, 2]
 * bil.weight.shape;                             // [2, 3, 4]
 * bil.call(zeros([5, 3]), zeros([6, 4]));       // throws ShapeError
 * ```
 * @category Layers
 */
export class Bilinear extends Module<[Tensor, Tensor], Tensor> {
  /** Size of each first input. */
  readonly in1Features: number;
  /** Size of each second input. */
  readonly in2Features: number;
  /** Size of each output. */
  readonly outFeatures: number;
  /** `[outFeatures, in1Features, in2Features]`. */
  weight: Variable;
  /** `[outFeatures]`, or `null` without bias. */
  bias: Variable | null;

  constructor(in1Features: number, in2Features: number, outFeatures: number, options: BilinearOptions = {}) {
    super();
    const op = 'new Bilinear';
    this.in1Features = checkInt(op, 'in1Features', in1Features);
    this.in2Features = checkInt(op, 'in2Features', in2Features);
    this.outFeatures = checkInt(op, 'outFeatures', outFeatures);
    const o = checkOptions(op, options, ['bias', 'dtype', 'generator']);
    const withBias = checkBool(op, 'bias', o.bias, true);
    const { dtype, generator } = layerOptions(op, o);
    this.weight = parameter(zeros([outFeatures, in1Features, in2Features], { dtype }), 'weight');
    this.bias = withBias ? parameter(zeros([outFeatures], { dtype }), 'bias') : null;
    const bound = 1 / Math.sqrt(in1Features);
    uniform(this.weight, { a: -bound, b: bound, generator });
    if (this.bias !== null) uniform(this.bias, { a: -bound, b: bound, generator });
  }

  /**
   * Applies the layer.
   * @param x1 - `[*, in1Features]`, in the dtype of the parameters.
   * @param x2 - `[*, in2Features]`, with the leading dims of `x1`.
   * @returns `[*, outFeatures]`.
   * @throws `ShapeError` for wrong feature sizes or different leading dims; `DTypeError` for another dtype.
   */
  forward(x1: Tensor, x2: Tensor): Tensor {
    const op = 'Bilinear.forward';
    const dtype = this.weight.dtype;
    checkInput(op, x1, null, '', dtype, 'x1');
    checkInput(op, x2, null, '', dtype, 'x2');
    checkDim(op, x1, -1, this.in1Features, 'the last dim (in1Features)', 'x1');
    checkDim(op, x2, -1, this.in2Features, 'the last dim (in2Features)', 'x2');
    if (x1.rank !== x2.rank || x1.shape.slice(0, -1).some((d, i) => d !== x2.shape[i])) {
      throw new ShapeError({ op, arg: 'x2', expected: `the leading dims of x1 ${shapeText(x1.shape.slice(0, -1))}`, got: `shape ${shapeText(x2.shape)}` });
    }
    return bilinear(x1, x2, this.weight.value, this.bias?.value ?? null);
  }
}
