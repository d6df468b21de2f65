/**
 * `@nn/optim`: optimizers, learning-rate schedulers and gradient clipping for `@nn` Variables,
 * with PyTorch's names, defaults and update rules. It depends on `@nn/tensor` only: it reads
 * `Variable.grad` (filled by `@nn/autograd` or by hand) and assigns `Variable.value`.
 * @packageDocumentation
 */
export { Optimizer } from './optimizer.js';
export type {
  HyperParams,
  ParamGroup,
  ParamGroupInput,
  OptimizerParams,
  ParamState,
  UpdateResult,
  UpdateRule,
  GroupStats,
  OptimizerStateDict,
  OptimizerSpec,
  ZeroGradOptions,
} from './types.js';
export { SGD, sgdUpdate, type SGDHyperParams, type SGDOptions } from './optimizers/sgd.js';
export type { AdamHyperParams } from './optimizers/adam-rule.js';
export { Adam, adamUpdate, type AdamOptions } from './optimizers/adam.js';
export { AdamW, adamwUpdate, type AdamWOptions } from './optimizers/adamw.js';
export { RMSprop, rmspropUpdate, type RMSpropHyperParams, type RMSpropOptions } from './optimizers/rmsprop.js';
export { Adagrad, adagradUpdate, type AdagradHyperParams, type AdagradOptions } from './optimizers/adagrad.js';
export { LRScheduler, type LRSchedulerStateDict } from './schedulers/lr-scheduler.js';
export { StepLR, type StepLROptions } from './schedulers/step-lr.js';
export { MultiStepLR, type MultiStepLROptions } from './schedulers/multi-step-lr.js';
export { ExponentialLR } from './schedulers/exponential-lr.js';
export { CosineAnnealingLR, type CosineAnnealingLROptions } from './schedulers/cosine-annealing-lr.js';
export { LinearLR, type LinearLROptions } from './schedulers/linear-lr.js';
export { OneCycleLR, type OneCycleLROptions } from './schedulers/one-cycle-lr.js';
export {
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
  type ReduceLROnPlateauStateDict,
} from './schedulers/reduce-lr-on-plateau.js';
export { clipGradNorm, clipGradValue, type ClipGradNormOptions } from './clip.js';
