// Public exports of this group; each export lives in its own file.
export { linear } from './linear.js';
export { bilinear } from './bilinear.js';
export { dropout, type DropoutOptions } from './dropout.js';
export { batchNorm, batchNormWithStats, type BatchNormOptions, type BatchNormStats } from './batch-norm.js';
export { updateRunningStats, type RunningStatsOptions } from './running-stats.js';
export { layerNorm, type LayerNormOptions } from './layer-norm.js';
export { embedding, type EmbeddingOptions } from './embedding.js';
// The convolution and pooling math is @nn/tensor's; re-exported so that @nn/layers/functional is complete.
export {
  conv1d,
  conv2d,
  convTranspose2d,
  maxPool2d,
  avgPool2d,
  adaptiveAvgPool2d,
  type Conv1dOptions,
  type Conv2dOptions,
  type ConvTranspose2dOptions,
  type MaxPool2dOptions,
  type AvgPool2dOptions,
} from '@nn/tensor';
