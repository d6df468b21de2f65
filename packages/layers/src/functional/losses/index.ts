// Loss functions (PyTorch 1.13 semantics); the modules of `@nn/layers` wrap them.
export type { Reduction, LossOptions } from './reduction.js';
export { mseLoss } from './mse-loss.js';
export { l1Loss } from './l1-loss.js';
export { huberLoss, type HuberLossOptions } from './huber-loss.js';
export { smoothL1Loss, type SmoothL1LossOptions } from './smooth-l1-loss.js';
export { nllLoss, type NLLLossOptions } from './nll-loss.js';
export { crossEntropy, type CrossEntropyOptions } from './cross-entropy.js';
export { binaryCrossEntropy, type BCELossOptions } from './binary-cross-entropy.js';
export { binaryCrossEntropyWithLogits, type BCEWithLogitsLossOptions } from './binary-cross-entropy-with-logits.js';
