// Public exports of this group; each export lives in its own file.
export type { SyntheticData, SyntheticOptions, ClassificationOptions } from './synthetic-data.js';
export { xor, type XorOptions } from './xor.js';
export { circles, type CirclesOptions } from './circles.js';
export { moons, type MoonsOptions } from './moons.js';
export { spirals, type SpiralsOptions } from './spirals.js';
export { blobs, type BlobsOptions } from './blobs.js';
export { linearRegression, type LinearRegressionOptions } from './linear-regression.js';
export { sineRegression, type SineRegressionOptions } from './sine-regression.js';
export { sequenceTask, type SequenceTaskKind, type SequenceTaskOptions } from './sequence-task.js';
