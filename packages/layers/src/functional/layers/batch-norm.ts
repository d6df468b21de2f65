import { add, ArgumentError, mean, mul, reshape, rsqrt, ShapeError, sub, tidy, type Tensor } from '@nn/tensor';
import { checkBool, checkFloat, checkNumber, checkOptions, checkTensorArg, shapeText } from '../../layers/checks.js';

/** Options of `batchNorm`. @category Functional */
export interface BatchNormOptions {
  /** Per-channel scale γ `[C]` (default none: 1). */
  weight?: Tensor | null;
  /** Per-channel shift β `[C]` (default none: 0). */
  bias?: Tensor | null;
  /** Normalise with the batch's statistics (`true`) or the running ones (default `false`, as PyTorch's `F.batch_norm`). */
  training?: boolean;
  /** Added to the variance for stability (default 1e-5). */
  eps?: number;
}

/** What `batchNormWithStats` returns. @category Functional */
export interface BatchNormStats {
  /** The normalised (and scaled/shifted) input, the shape of `x`. */
  output: Tensor;
  /** The batch mean per channel, `[C]`. */
  mean: Tensor;
  /** The biased (population) batch variance per channel, `[C]`: what the output was normalised with. */
  variance: Tensor;
  /** How many values each channel's statistics were taken over (`N·L`, `N·H·W`). */
  count: number;
}

const OPTIONS = ['weight', 'bias', 'training', 'eps'];

interface Checked {
  weight: Tensor | null;
  bias: Tensor | null;
  eps: number;
  /** `[1, C, 1, …]`: the shape per-channel values broadcast in. */
  channelShape: number[];
  /** Every dim but the channel dim. */
  dims: number[];
  count: number;
}

function checkArgs(op: string, x: Tensor, options: BatchNormOptions): Checked {
  checkTensorArg(op, 'x', x);
  checkFloat(op, 'x', x);
  if (x.rank < 2) {
    throw new ShapeError({ op, arg: 'x', expected: 'a tensor [N, C, *] of at least 2 dims', got: `shape ${shapeText(x.shape)}` });
  }
  const c = x.shape[1]!;
  const perChannel = (arg: string, t: Tensor | null | undefined): Tensor | null => {
    if (t === null || t === undefined) return null;
    checkTensorArg(op, arg, t);
    checkFloat(op, arg, t);
    if (t.rank !== 1 || t.shape[0] !== c) {
      throw new ShapeError({ op, arg, expected: `shape [${c}] (one value per channel of x ${shapeText(x.shape)})`, got: shapeText(t.shape) });
    }
    return t;
  };
  const weight = perChannel('weight', options.weight);
  const bias = perChannel('bias', options.bias);
  const eps = checkNumber(op, 'eps', options.eps, 1e-5, 0);
  const dims = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const count = dims.reduce((n, d) => n * x.shape[d]!, 1);
  return { weight, bias, eps, channelShape: x.shape.map((d, i) => (i === 1 ? d : 1)), dims, count };
}

/** `(x − mean)·rsqrt(variance + eps)·weight + bias` with per-channel values in `channelShape`. */
function normalize(centred: Tensor, variance: Tensor, a: Checked): Tensor {
  let y = mul(centred, rsqrt(add(variance, a.eps)));
  if (a.weight !== null) y = mul(y, reshape(a.weight, a.channelShape));
  if (a.bias !== null) y = add(y, reshape(a.bias, a.channelShape));
  return y;
}

/**
 * Batch normalisation in training mode, returning the batch statistics with the output so that a
 * caller can update running statistics (`BatchNorm1d`/`BatchNorm2d` do, with
 * `updateRunningStats`). The channel dim is dim 1; statistics are taken over every other dim.
 *
 * `x: [N, C, *] → [N, C, *]`; `mean`, `variance: [C]`.
 *
 * @param x - the input, float32 or float64.
 * @param options - `weight`, `bias` (`[C]`, optional), `eps` (default 1e-5).
 * @throws `ShapeError` when `x` has fewer than 2 dims, one value per channel (`N·L = 1`, as
 *   PyTorch: "Expected more than 1 value per channel"), or `weight`/`bias` are not `[C]`.
 * @throws `DTypeError` for non-float tensors.
 * @example
 * ```ts
 * const stats = batchNormWithStats(tensor([[1, 10], [3, 30]]), { eps: 0 });
 * stats.output.toArray();   // [[-1, -1], [1, 1]]
 * stats.mean.toArray();     // [2, 20]
 * stats.variance.toArray(); // [1, 100]
 * stats.count;              // 2
 * ```
 * @category Functional
 */
export function batchNormWithStats(x: Tensor, options: Omit<BatchNormOptions, 'training'> = {}): BatchNormStats {
  const op = 'batchNormWithStats';
  const a = checkArgs(op, x, checkOptions(op, options, ['weight', 'bias', 'eps']));
  if (a.count <= 1) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: 'more than 1 value per channel when training',
      got: `shape ${shapeText(x.shape)}`,
    });
  }
  return tidy(() => {
    const mu = mean(x, a.dims, true);
    const centred = sub(x, mu);
    const v = mean(mul(centred, centred), a.dims, true);
    const c = x.shape[1]!;
    return { output: normalize(centred, v, a), mean: reshape(mu, [c]), variance: reshape(v, [c]), count: a.count };
  });
}

/**
 * Batch normalisation (PyTorch's `F.batch_norm`, without its in-place update):
 * `y = (x − mean) / √(variance + eps) · weight + bias` per channel (dim 1), with the batch's
 * statistics when `training` (or when no running statistics are given) and `runningMean` /
 * `runningVar` otherwise. Tensors are immutable, so the running statistics are never changed here:
 * to track them, use `batchNormWithStats` and `updateRunningStats` (what the modules do).
 *
 * `x: [N, C, *] → [N, C, *]`; `runningMean`, `runningVar`, `weight`, `bias: [C]`.
 *
 * @param x - the input, float32 or float64.
 * @param runningMean - running means `[C]`, or `null`.
 * @param runningVar - running variances `[C]`, or `null`.
 * @param options - `weight`, `bias`, `training` (default `false`), `eps` (default 1e-5).
 * @throws `ShapeError` for a bad shape (see `batchNormWithStats`).
 * @throws `ArgumentError` in evaluation mode with only one of the running statistics.
 * @throws `DTypeError` for non-float tensors.
 * @example
 * ```ts
 * const x = tensor([[1, 10], [3, 30]]);
 * batchNorm(x, tensor([0, 0]), tensor([1, 100]), { eps: 0 }).toArray();                 // [[1, 1], [3, 3]]
 * batchNorm(x, tensor([0, 0]), tensor([1, 100]), { eps: 0, training: true }).toArray(); // [[-1, -1], [1, 1]]
 * ```
 * @category Functional
 */
export function batchNorm(
  x: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  options: BatchNormOptions = {},
): Tensor {
  const op = 'batchNorm';
  const o = checkOptions(op, options, OPTIONS);
  const training = checkBool(op, 'training', o.training, false);
  const a = checkArgs(op, x, o);
  if (training || (runningMean === null && runningVar === null)) {
    const { output } = batchNormWithStats(x, { weight: a.weight, bias: a.bias, eps: a.eps });
    return output;
  }
  const c = x.shape[1]!;
  for (const [arg, t] of [['runningMean', runningMean], ['runningVar', runningVar]] as const) {
    if (t === null) {
      throw new ArgumentError({ op, arg, expected: 'a tensor [C] in evaluation mode (both running statistics, or neither)', got: 'null' });
    }
    checkTensorArg(op, arg, t);
    checkFloat(op, arg, t);
    if (t.rank !== 1 || t.shape[0] !== c) {
      throw new ShapeError({ op, arg, expected: `shape [${c}]`, got: shapeText(t.shape) });
    }
  }
  return tidy(() => {
    const centred = sub(x, reshape(runningMean!, a.channelShape));
    return normalize(centred, reshape(runningVar!, a.channelShape), a);
  });
}
