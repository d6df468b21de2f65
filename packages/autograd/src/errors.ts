import { NNError, type ErrorDetails } from '@nn/tensor';

/**
 * A gradient went wrong: a rule produced the wrong shape, a gradcheck failed, a NaN appeared in
 * anomaly mode, or a gradient was asked of something that was not recorded.
 * @example
 * ```ts
 * backward(tensor([1, 2])); // throws GradientError
 * ```
 * @category Autograd
 */
export class GradientError extends NNError {
  constructor(details: ErrorDetails) {
    super('E_GRADIENT', details);
  }
}
