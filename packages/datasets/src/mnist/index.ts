// Public exports of this group; each export lives in its own file.
export { loadMnist, type MnistSplits } from './load-mnist.js';
export { MNIST_CLASSES, FASHION_MNIST_CLASSES } from './classes.js';
export { MNIST_SPLIT, type MnistSplit } from './split.js';
