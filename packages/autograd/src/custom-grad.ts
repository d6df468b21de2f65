import { ArgumentError, Tensor } from '@nn/tensor';
import { noGrad } from './api.js';
import { addNode } from './graph-lifetime.js';
import { isRecording } from './recorder.js';
import { requiresGrad } from './requires-grad.js';

/** What the function given to `customGrad` returns. @category Autograd */
export interface CustomGradResult {
  /** The forward result. */
  value: Tensor;
  /** Gradients of the inputs (one per input, each of its shape; `null` for none) given `dy`, the gradient of `value`. */
  gradFunc: (dy: Tensor) => Tensor | null | readonly (Tensor | null)[];
  /** Tensors `gradFunc` reads besides the inputs and `value`; held until the graph is released. */
  saved?: readonly Tensor[];
}

/**
 * Defines an op with a gradient of your own: `f` computes the value (not recorded) and returns
 * `gradFunc`, which autograd calls during the backward pass. Use it for fused or numerically
 * special functions, or to stop or change gradients.
 *
 * @param f - `(...inputs) => { value, gradFunc, saved? }`.
 * @param name - shown in error messages and anomaly reports.
 * @example
 * ```ts
 * // A clipped identity: forward is x, backward lets gradients through only where |x| < 1.
 * const clipGrad = customGrad((x: Tensor) => ({
 *   value: mul(x, 1),
 *   gradFunc: (dy) => mul(dy, lt(abs(x), 1)),
 * }));
 * grad((x: Tensor) => sum(clipGrad(x)))(tensor([0.5, 2])).toArray(); // [1, 0]
 * ```
 * @category Autograd
 */
export function customGrad<A extends Tensor[]>(
  f: (...inputs: A) => CustomGradResult,
  name = 'customGrad',
): (...inputs: A) => Tensor {
  return (...inputs: A) => {
    inputs.forEach((x, i) => {
      if (!(x instanceof Tensor)) {
        throw new ArgumentError({ op: name, arg: `inputs[${i}]`, expected: 'a Tensor', got: typeof x });
      }
    });
    const { value, gradFunc, saved = [] } = noGrad(() => f(...inputs));
    if (isRecording() && inputs.some(requiresGrad)) {
      addNode({
        op: name,
        inputNames: inputs.map((_, i) => `inputs[${i}]`),
        inputs,
        output: value,
        backward: (dy) => {
          const g = gradFunc(dy);
          return g === null || g instanceof Tensor ? [g] : g;
        },
        saved: [...inputs, value, ...saved],
      });
    }
    return value;
  };
}
