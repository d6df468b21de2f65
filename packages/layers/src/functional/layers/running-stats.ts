import { add, ArgumentError, mul, ShapeError, tidy, untracked, type Tensor } from '@nn/tensor';
import { checkFloat, checkInt, checkNumber, checkOptions, checkTensorArg, shapeText } from '../../layers/checks.js';

/** Options of `updateRunningStats`. @category Functional */
export interface RunningStatsOptions {
  /** Weight of the new batch, in [0, 1]: `running ← (1 − momentum)·running + momentum·batch` (default 0.1). */
  momentum?: number;
  /** How many values the batch statistics were taken over (≥ 2): the variance is made unbiased with `count / (count − 1)`. */
  count: number;
}

/**
 * The next running statistics of batch normalisation, as PyTorch updates them:
 * `runningMean ← (1 − m)·runningMean + m·mean` and
 * `runningVar ← (1 − m)·runningVar + m·variance·count/(count − 1)` (the running variance tracks the
 * unbiased batch variance, while the batch is normalised with the biased one). For PyTorch's
 * cumulative average (`momentum = null` in the modules) pass `momentum = 1 / numBatchesTracked`.
 *
 * Runs untracked (never part of a gradient graph) and returns new tensors; the inputs are unchanged.
 *
 * `runningMean`, `runningVar`, `mean`, `variance: [C]` → `{ runningMean: [C], runningVar: [C] }`
 *
 * @param runningMean - the current running means.
 * @param runningVar - the current running variances.
 * @param mean - the batch means (from `batchNormWithStats`).
 * @param variance - the biased batch variances (from `batchNormWithStats`).
 * @param options - `momentum` (default 0.1) and `count`.
 * @throws `ShapeError` when the four tensors are not all `[C]`.
 * @throws `ArgumentError` for `momentum` outside [0, 1] or `count` < 2.
 * @example
 * ```ts
 * const next = updateRunningStats(tensor([0]), tensor([1]), tensor([2]), tensor([1]), { momentum: 0.5, count: 2 });
 * next.runningMean.toArray(); // [1]
 * next.runningVar.toArray();  // [1.5]
 * ```
 * @category Functional
 */
export function updateRunningStats(
  runningMean: Tensor,
  runningVar: Tensor,
  mean: Tensor,
  variance: Tensor,
  options: RunningStatsOptions,
): { runningMean: Tensor; runningVar: Tensor } {
  const op = 'updateRunningStats';
  const named = { runningMean, runningVar, mean, variance };
  for (const [arg, t] of Object.entries(named)) {
    checkTensorArg(op, arg, t);
    checkFloat(op, arg, t);
    if (t.rank !== 1 || t.shape[0] !== runningMean.shape[0]) {
      throw new ShapeError({ op, arg, expected: `shape [${runningMean.shape[0] ?? 'C'}] like runningMean (a 1-D tensor)`, got: shapeText(t.shape) });
    }
  }
  if (options === undefined) {
    throw new ArgumentError({ op, arg: 'options', expected: 'an options object with count', got: 'undefined' });
  }
  const o = checkOptions(op, options, ['momentum', 'count']);
  const m = checkNumber(op, 'momentum', o.momentum, 0.1, 0, 1);
  const n = checkInt(op, 'count', o.count, 2);
  return untracked(() =>
    tidy(() => ({
      runningMean: add(mul(runningMean, 1 - m), mul(mean, m)),
      runningVar: add(mul(runningVar, 1 - m), mul(variance, (m * n) / (n - 1))),
    })),
  );
}
