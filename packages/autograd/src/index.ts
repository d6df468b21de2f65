/**
 * `@nn/autograd`: reverse-mode automatic differentiation for `@nn/tensor`.
 * @packageDocumentation
 */
export {
  backward,
  grad,
  valueAndGrad,
  noGrad,
  enableGrad,
  isGradEnabled,
  detach,
  type BackwardOptions,
  type Differentiable,
  type GradsOf,
  type GradsOfArgs,
} from './api.js';
export { customGrad, type CustomGradResult } from './custom-grad.js';
export { gradcheck, gradgradcheck, type GradcheckOptions } from './gradcheck.js';
export { setAnomalyDetection, detectAnomaly } from './anomaly.js';
export { requiresGrad } from './requires-grad.js';
export { GradientError } from './errors.js';
export { GRADIENTS, NON_DIFFERENTIABLE } from './gradients/index.js';
export type { GradRule, InputGrads } from './gradients/types.js';
export { captureGraph, type CapturedGraph, type CapturedNode } from './graph-capture.js';
export { gradNorms } from './grad-norms.js';
