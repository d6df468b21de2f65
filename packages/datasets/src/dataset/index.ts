// Public exports of this group; each export lives in its own file.
export type { Dataset } from './dataset.js';
export { TensorDataset } from './tensor-dataset.js';
export { Subset } from './subset.js';
export { randomSplit, type RandomSplitOptions } from './random-split.js';
export { defaultCollate, type Collated } from './collate.js';
export { DataLoader, type DataLoaderOptions } from './data-loader.js';
export { ImageDataset, type ImageDatasetOptions } from './image-dataset.js';
