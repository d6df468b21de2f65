import { ones, scalar, ShapeError, tidy, untracked, zeros, type Tensor, type Variable } from '@nn/tensor';
import { batchNorm, batchNormWithStats } from '../functional/layers/batch-norm.js';
import { updateRunningStats } from '../functional/layers/running-stats.js';
import { Module } from '../module/module.js';
import { checkBool, checkDim, checkInput, checkInt, checkNumber, checkOptions, layerOptions, parameter, shapeText } from './checks.js';

/** Options of `BatchNorm1d` and `BatchNorm2d`. @category Normalization */
export interface BatchNormLayerOptions {
  /** Added to the variance for stability (default 1e-5). */
  eps?: number;
  /**
   * Weight of each new batch in the running statistics, in [0, 1] (default 0.1); `null` for a
   * cumulative (equal-weight) average over all batches seen.
   */
  momentum?: number | null;
  /** Whether to learn a per-channel scale `weight` and shift `bias` (default `true`). */
  affine?: boolean;
  /**
   * Whether to keep running statistics for evaluation mode (default `true`); without them the
   * batch's statistics are used in both modes and the module has no buffers.
   */
  trackRunningStats?: boolean;
  /** The dtype of the parameters and running statistics (default `'float32'`). */
  dtype?: 'float32' | 'float64';
}

/**
 * The shared machinery of `BatchNorm1d` and `BatchNorm2d` (PyTorch's `_BatchNorm`): per-channel
 * normalisation over the batch (and spatial) dims, with learned `weight`/`bias` and running
 * statistics. Subclasses fix the accepted input ranks.
 *
 * In training mode the output is normalised with the batch mean and biased variance, and (with
 * `trackRunningStats`) the running statistics are updated, untracked, as
 * `running ← (1 − m)·running + m·batch` with the unbiased batch variance (`m = momentum`, or
 * `1 / numBatchesTracked` when `momentum` is `null`). In evaluation mode the running statistics are used.
 *
 * State: `weight`, `bias` `[C]` (ones / zeros; absent without `affine`), buffers `running_mean` `[C]`
 * (zeros), `running_var` `[C]` (ones), `num_batches_tracked` `[]` (absent without
 * `trackRunningStats`). `num_batches_tracked` is int32 here (PyTorch: int64).
 * @example
 * ```ts
 * const bn: BatchNormBase = new BatchNorm2d(3);
 * bn.numFeatures; // 3
 * ```
 * @category Normalization
 */
export abstract class BatchNormBase extends Module<[Tensor], Tensor> {
  /** `C`, the number of channels. */
  readonly numFeatures: number;
  /** Added to the variance. */
  readonly eps: number;
  /** The running-average weight, or `null` for a cumulative average. */
  readonly momentum: number | null;
  /** Whether `weight` and `bias` exist. */
  readonly affine: boolean;
  /** Whether the running statistics exist. */
  readonly trackRunningStats: boolean;
  /** Per-channel scale `[C]`, or `null` without `affine`. */
  weight: Variable | null;
  /** Per-channel shift `[C]`, or `null` without `affine`. */
  bias: Variable | null;
  /** Running means `[C]` (a buffer), or `null` without `trackRunningStats`. */
  runningMean: Variable | null;
  /** Running variances `[C]` (a buffer), or `null` without `trackRunningStats`. */
  runningVar: Variable | null;
  /** How many training batches updated the running statistics (an int32 scalar buffer), or `null`. */
  numBatchesTracked: Variable | null;
  /** The name used in errors. */
  protected abstract readonly layerName: string;
  /** The accepted ranks and what their dims are. */
  protected abstract readonly inputRanks: readonly number[];
  /** The accepted input dims, in words (for errors). */
  protected abstract readonly inputDims: string;

  protected constructor(op: string, numFeatures: number, options: BatchNormLayerOptions) {
    super();
    const o = checkOptions(op, options, ['eps', 'momentum', 'affine', 'trackRunningStats', 'dtype']);
    this.numFeatures = checkInt(op, 'numFeatures', numFeatures);
    this.eps = checkNumber(op, 'eps', o.eps, 1e-5, 0);
    this.momentum = o.momentum === null ? null : checkNumber(op, 'momentum', o.momentum, 0.1, 0, 1);
    this.affine = checkBool(op, 'affine', o.affine, true);
    this.trackRunningStats = checkBool(op, 'trackRunningStats', o.trackRunningStats, true);
    const { dtype } = layerOptions(op, { dtype: o.dtype });
    const c = numFeatures;
    this.weight = this.affine ? parameter(ones([c], { dtype }), 'weight') : null;
    this.bias = this.affine ? parameter(zeros([c], { dtype }), 'bias') : null;
    const track = this.trackRunningStats;
    this.runningMean = track ? this.registerBuffer(zeros([c], { dtype }), 'running_mean') : null;
    this.runningVar = track ? this.registerBuffer(ones([c], { dtype }), 'running_var') : null;
    this.numBatchesTracked = track ? this.registerBuffer(scalar(0, { dtype: 'int32' }), 'num_batches_tracked') : null;
  }

  /**
   * Normalises `x` per channel (dim 1).
   * @param x - see the subclass for the shapes; in the dtype of the parameters.
   * @returns the same shape as `x`.
   * @throws `ShapeError` for a wrong rank or channel count, or one value per channel in
   *   training (PyTorch: "Expected more than 1 value per channel when training");
   *   `DTypeError` when its dtype is not the layer's.
   */
  forward(x: Tensor): Tensor {
    const op = `${this.layerName}.forward`;
    const dtype = (this.weight ?? this.runningMean)?.dtype;
    checkInput(op, x, this.inputRanks, this.inputDims, dtype);
    checkDim(op, x, 1, this.numFeatures, 'the channel dim (numFeatures)');
    const weight = this.weight?.value ?? null;
    const bias = this.bias?.value ?? null;
    const useBatch = this.training || this.runningMean === null || this.runningVar === null;
    if (!useBatch) return batchNorm(x, this.runningMean!.value, this.runningVar!.value, { weight, bias, eps: this.eps });
    const count = x.size / this.numFeatures;
    if (count <= 1) {
      throw new ShapeError({ op, arg: 'x', expected: 'more than 1 value per channel when training', got: `shape ${shapeText(x.shape)}` });
    }
    return tidy(() => {
      const stats = batchNormWithStats(x, { weight, bias, eps: this.eps });
      if (this.training) this.#updateRunningStats(stats.mean, stats.variance, count);
      return stats.output;
    });
  }

  #updateRunningStats(mean: Tensor, variance: Tensor, count: number): void {
    const { runningMean, runningVar, numBatchesTracked } = this;
    if (runningMean === null || runningVar === null) return;
    untracked(() => {
      let momentum = this.momentum;
      if (numBatchesTracked !== null) {
        const n = Number(numBatchesTracked.value.item()) + 1;
        numBatchesTracked.assign(scalar(n, { dtype: 'int32' }));
        momentum ??= 1 / n;
      }
      const next = updateRunningStats(runningMean.value, runningVar.value, mean, variance, { momentum: momentum ?? 0, count });
      runningMean.assign(next.runningMean);
      runningVar.assign(next.runningVar);
    });
  }
}

/**
 * Batch normalisation over a batch of vectors or sequences, like `torch.nn.BatchNorm1d`:
 * `y = (x − mean) / √(variance + eps) · weight + bias` per channel, with batch statistics in
 * training mode and running statistics in evaluation mode (see {@link BatchNormBase}).
 *
 * `x: [N, C] → [N, C]` or `x: [N, C, L] → [N, C, L]` (statistics over `N` or `N·L` values per channel).
 *
 * @param numFeatures - `C`.
 * @param options - `eps` (1e-5), `momentum` (0.1, or `null`), `affine` (`true`), `trackRunningStats` (`true`), `dtype`.
 * @throws `ArgumentError` for an invalid `numFeatures` or option.
 * @example
 * ```ts
 * const bn = new BatchNorm1d(2);
 * bn.call(tensor([[1, 10], [3, 30]])).toArray(); // ≈ [[-1, -1], [1, 1]]
 * bn.runningMean!.value.toArray();               // ≈ [0.2, 2]
 * Object.keys(bn.stateDict());                    // ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']
 * bn.eval().call(tensor([[0, 2]])).shape;         // [1, 2]
 * bn.train().call(tensor([[1, 2]]));              // throws ShapeError
 * ```
 * @category Normalization
 */
export class BatchNorm1d extends BatchNormBase {
  protected readonly layerName = 'BatchNorm1d';
  protected readonly inputRanks = [2, 3];
  protected readonly inputDims = '[N, C] or [N, C, L]';

  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super('new BatchNorm1d', numFeatures, options);
  }
}

/**
 * Batch normalisation over a batch of images, like `torch.nn.BatchNorm2d`: per channel, over the
 * `N·H·W` values of the batch (see {@link BatchNormBase} for training and evaluation).
 *
 * `x: [N, C, H, W] → [N, C, H, W]`
 *
 * @param numFeatures - `C`.
 * @param options - `eps` (1e-5), `momentum` (0.1, or `null`), `affine` (`true`), `trackRunningStats` (`true`), `dtype`.
 * @throws `ArgumentError` for an invalid `numFeatures` or option.
 * @example
 * ```ts
 * const bn = new BatchNorm2d(3);
 * bn.call(randn([4, 3, 5, 5])).shape;                        // [4, 3, 5, 5]
 * bn.numBatchesTracked!.value.item();                        // 1
 * new BatchNorm2d(3, { affine: false }).parameters().length; // 0
 * Object.keys(new BatchNorm2d(3, { trackRunningStats: false }).stateDict()); // ['weight', 'bias']
 * bn.call(zeros([4, 3, 5]));                                 // throws ShapeError
 * ```
 * @category Normalization
 */
export class BatchNorm2d extends BatchNormBase {
  protected readonly layerName = 'BatchNorm2d';
  protected readonly inputRanks = [4];
  protected readonly inputDims = '[N, C, H, W]';

  constructor(numFeatures: number, options: BatchNormLayerOptions = {}) {
    super('new BatchNorm2d', numFeatures, options);
  }
}
