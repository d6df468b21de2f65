import { ArgumentError, ones, ShapeError, zeros, type Tensor, type Variable } from '@nn/tensor';
import { layerNorm } from '../functional/layers/layer-norm.js';
import { Module } from '../module/module.js';
import { checkBool, checkFloat, checkInput, checkNumber, checkOptions, layerOptions, parameter, shapeText, show } from './checks.js';

/** Options of `LayerNorm`. @category Normalization */
export interface LayerNormLayerOptions {
  /** Added to the variance for stability (default 1e-5). */
  eps?: number;
  /** Whether to learn an element-wise `weight` (ones) and `bias` (zeros) of shape `normalizedShape` (default `true`). */
  elementwiseAffine?: boolean;
  /** Whether the affine part has a `bias` (default `true`; PyTorch ≥ 2.1's option — 1.13 always has one). */
  bias?: boolean;
  /** The dtype of the parameters (default `'float32'`). */
  dtype?: 'float32' | 'float64';
}

/**
 * Layer normalisation, like `torch.nn.LayerNorm`: each sample is normalised over its trailing
 * `normalizedShape` dims with their mean and biased variance (the same in training and
 * evaluation), then scaled and shifted element-wise.
 *
 * `x: [*, …normalizedShape] → [*, …normalizedShape]`
 *
 * State: `weight`, `bias` of shape `normalizedShape` (ones / zeros), absent without
 * `elementwiseAffine` (`bias` also without `bias`).
 *
 * @param normalizedShape - the trailing shape (a number for the last dim only).
 * @param options - `eps` (1e-5), `elementwiseAffine` (`true`), `bias` (`true`), `dtype`.
 * @throws `ArgumentError` for an invalid shape or option.
 * @example
 * ```ts
 * const ln = new LayerNorm(4);
 * ln.call(tensor([[1, 2, 3, 4]])).toArray();             // ≈ [[-1.34164, -0.44721, 0.44721, 1.34164]]
 * new LayerNorm([2, 3]).call(zeros([5, 2, 3])).shape;    // [5, 2, 3]
 * Object.keys(ln.stateDict());                           // ['weight', 'bias']
 * new LayerNorm(4, { elementwiseAffine: false }).parameters().length; // 0
 * ln.call(zeros([2, 3]));                                // throws ShapeError
 * ```
 * @category Normalization
 */
export class LayerNorm extends Module<[Tensor], Tensor> {
  /** The trailing shape normalised over. */
  readonly normalizedShape: readonly number[];
  /** Added to the variance. */
  readonly eps: number;
  /** Whether `weight` (and `bias`) exist. */
  readonly elementwiseAffine: boolean;
  /** Element-wise scale of shape `normalizedShape`, or `null`. */
  weight: Variable | null;
  /** Element-wise shift of shape `normalizedShape`, or `null`. */
  bias: Variable | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormLayerOptions = {}) {
    super();
    const op = 'new LayerNorm';
    const shape = typeof normalizedShape === 'number' ? [normalizedShape] : normalizedShape;
    if (!Array.isArray(shape) || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
      throw new ArgumentError({ op, arg: 'normalizedShape', expected: 'an integer ≥ 1 or a non-empty list of them', got: show(normalizedShape) });
    }
    this.normalizedShape = [...shape];
    const o = checkOptions(op, options, ['eps', 'elementwiseAffine', 'bias', 'dtype']);
    this.eps = checkNumber(op, 'eps', o.eps, 1e-5, 0);
    this.elementwiseAffine = checkBool(op, 'elementwiseAffine', o.elementwiseAffine, true);
    const withBias = checkBool(op, 'bias', o.bias, true);
    const { dtype } = layerOptions(op, { dtype: o.dtype });
    this.weight = this.elementwiseAffine ? parameter(ones(this.normalizedShape, { dtype }), 'weight') : null;
    this.bias = this.elementwiseAffine && withBias ? parameter(zeros(this.normalizedShape, { dtype }), 'bias') : null;
  }

  /**
   * Normalises `x` over its trailing dims.
   * @param x - `[*, …normalizedShape]`, in the dtype of the parameters.
   * @returns the same shape.
   * @throws `ShapeError` when the trailing dims are not `normalizedShape`; `DTypeError` for another dtype.
   */
  forward(x: Tensor): Tensor {
    const op = 'LayerNorm.forward';
    checkInput(op, x, null, '', this.weight?.dtype);
    const k = this.normalizedShape.length;
    if (x.rank < k || this.normalizedShape.some((d, i) => x.shape[x.rank - k + i] !== d)) {
      throw new ShapeError({
        op,
        arg: 'x',
        expected: `a tensor [*, ${this.normalizedShape.join(', ')}] (trailing dims = normalizedShape)`,
        got: `shape ${shapeText(x.shape)}`,
      });
    }
    checkFloat(op, 'x', x);
    return layerNorm(x, this.normalizedShape, { weight: this.weight?.value ?? null, bias: this.bias?.value ?? null, eps: this.eps });
  }
}
