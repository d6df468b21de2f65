// Public exports of this group; each export lives in its own file.
export type { LayerOptions } from './options.js';
export { Linear, type LinearOptions } from './linear.js';
export { Bilinear, type BilinearOptions } from './bilinear.js';
export type { PaddingMode } from './conv-shared.js';
export { Conv1d, type Conv1dLayerOptions } from './conv1d.js';
export { Conv2d, type Conv2dLayerOptions } from './conv2d.js';
export { ConvTranspose2d, type ConvTranspose2dLayerOptions } from './conv-transpose2d.js';
export { MaxPool2d, type MaxPool2dLayerOptions } from './max-pool2d.js';
export { AvgPool2d, type AvgPool2dLayerOptions } from './avg-pool2d.js';
export { AdaptiveAvgPool2d } from './adaptive-avg-pool2d.js';
export { Flatten, Unflatten } from './flatten.js';
export { Dropout, type DropoutLayerOptions } from './dropout.js';
export { BatchNormBase, BatchNorm1d, BatchNorm2d, type BatchNormLayerOptions } from './batch-norm.js';
export { LayerNorm, type LayerNormLayerOptions } from './layer-norm.js';
export { Embedding, type EmbeddingLayerOptions, type EmbeddingPretrainedOptions } from './embedding.js';
export { Residual, type ResidualOptions } from './residual.js';
