// Public exports of this group; each export lives in its own file.
export type { Transform } from './transform.js';
export { normalize, type NormalizeOptions } from './normalize.js';
export { compose } from './compose.js';
export { randomAffine, type RandomAffineOptions } from './random-affine.js';
export { randomCrop, type RandomCropOptions } from './random-crop.js';
export { gaussianNoise, type GaussianNoiseOptions } from './gaussian-noise.js';
