import { backward, enableGrad, noGrad } from '@nn/autograd';
import { DataLoader, randomAffine, type ImageDataset } from '@nn/datasets';
import { crossEntropy } from '@nn/layers/functional';
import type { Sequential } from '@nn/layers';
import { Adam, AdamW, SGD, type Optimizer } from '@nn/optim';
import { argmax, eq, Generator, sum, tidy, type Tensor } from '@nn/tensor';
import type { OptimizerKind } from './args.js';
import { correct, type Confusion } from './confusion.js';
import { evaluateModel } from './inference.js';
import type { BatchProgress, Progress } from './progress.js';

/** The hyper-parameters of a training run. */
export interface TrainConfig {
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: OptimizerKind;
  seed: number;
  augment: boolean;
}

/** What one epoch gave. */
export interface EpochResult {
  epoch: number;
  /** Mean cross-entropy over the epoch's training batches (weighted by batch size). */
  trainLoss: number;
  /** Training accuracy over the epoch (on the augmented images when augmenting). */
  trainAccuracy: number;
  testAccuracy: number;
  testCorrect: number;
  testTotal: number;
  /** Seconds spent training (not evaluating) in this epoch. */
  trainSeconds: number;
  evalSeconds: number;
  /** Training images per second. */
  samplesPerSecond: number;
}

/** Called as training goes. */
export interface TrainHooks {
  progress?: Progress;
  /** After each epoch's evaluation on the test set. */
  onEpoch?: (result: EpochResult, confusion: Confusion) => void;
}

/** The optimizer `kind` with PyTorch's defaults and learning rate `lr`. */
export function makeOptimizer(kind: OptimizerKind, model: Sequential, lr: number): Optimizer {
  const params = model.parameters();
  if (kind === 'sgd') return new SGD(params, { lr });
  if (kind === 'adamw') return new AdamW(params, { lr });
  return new Adam(params, { lr });
}

/**
 * The augmentation of `--augment`: per image a rotation within ±10°, a shift within ±10% of the
 * side and a scale in [0.9, 1.1] (torchvision's usual MNIST recipe), drawn from `generator`.
 */
export function augmentation(generator: Generator): (x: Tensor) => Tensor {
  return randomAffine({ degrees: 10, translate: [0.1, 0.1], scale: [0.9, 1.1], generator });
}

/** One optimisation step on a batch; returns the batch's mean loss and how many it got right. */
function step(model: Sequential, opt: Optimizer, x: Tensor, y: Tensor): { loss: number; correct: number } {
  const result = tidy(() => {
    opt.zeroGrad();
    const logits = model.call(x);
    const loss = crossEntropy(logits, y);
    backward(loss);
    const right = noGrad(() => sum(eq(argmax(logits, 1), y)).item() as number);
    return { loss: loss.item() as number, correct: right };
  });
  opt.step();
  return result;
}

/** Running totals of one epoch of training. */
interface EpochTotals {
  batch: number;
  samples: number;
  lossSum: number;
  correct: number;
}

/** One pass over `loader`, recording gradients only while it runs; returns the totals and seconds taken. */
function trainEpoch(
  model: Sequential,
  opt: Optimizer,
  loader: DataLoader<[Tensor, number]>,
  progress: Progress | undefined,
): { totals: EpochTotals; seconds: number } {
  const started = performance.now();
  const t: EpochTotals = { batch: 0, samples: 0, lossSum: 0, correct: 0 };
  const view = (): BatchProgress => ({ batch: t.batch, samples: t.samples, loss: t.lossSum / t.samples, accuracy: t.correct / t.samples });
  const stop = enableGrad();
  try {
    for (const item of loader) {
      const [x, y] = item as unknown as [Tensor, Tensor];
      const n = x.shape[0]!;
      const r = step(model, opt, x, y);
      x.dispose();
      y.dispose();
      t.batch++;
      t.samples += n;
      t.lossSum += r.loss * n;
      t.correct += r.correct;
      progress?.update(view());
    }
  } finally {
    stop();
  }
  const seconds = (performance.now() - started) / 1000;
  progress?.end(view());
  return { totals: t, seconds };
}

/**
 * Trains `model` on `train` for `config.epochs` epochs (shuffled batches, seeded), evaluating on
 * `test` after each epoch. Gradients are recorded only during the training passes (`enableGrad`);
 * evaluation runs in eval mode under `noGrad`. The optimizer's state is released at the end.
 *
 * Seeds: the shuffling draws from `Generator(seed + 1)` and the augmentation from
 * `Generator(seed + 2)`; the initial weights (made by the caller) from `Generator(seed)`.
 */
export function trainModel(
  model: Sequential,
  data: { train: ImageDataset; test: ImageDataset },
  config: TrainConfig,
  hooks: TrainHooks = {},
): { epochs: EpochResult[]; confusion: Confusion } {
  const opt = makeOptimizer(config.optimizer, model, config.lr);
  const trainSet = config.augment ? data.train.withTransform(augmentation(new Generator(config.seed + 2))) : data.train;
  const loader = new DataLoader(trainSet, { batchSize: config.batchSize, shuffle: true, generator: new Generator(config.seed + 1) });
  const results: EpochResult[] = [];
  let confusion: Confusion | undefined;
  model.train();
  try {
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      hooks.progress?.start(epoch, config.epochs, loader.length);
      const { totals, seconds } = trainEpoch(model, opt, loader, hooks.progress);
      const evalStarted = performance.now();
      const evaluation = evaluateModel(model, data.test);
      confusion = evaluation.confusion;
      const testCorrect = correct(confusion);
      const result: EpochResult = {
        epoch,
        trainLoss: totals.lossSum / totals.samples,
        trainAccuracy: totals.correct / totals.samples,
        testAccuracy: testCorrect / data.test.length,
        testCorrect,
        testTotal: data.test.length,
        trainSeconds: seconds,
        evalSeconds: (performance.now() - evalStarted) / 1000,
        samplesPerSecond: totals.samples / seconds,
      };
      results.push(result);
      hooks.onEpoch?.(result, confusion);
    }
  } finally {
    // The gradients and Adam's moments are not needed once training is over.
    opt.zeroGrad();
    opt.dispose();
  }
  return { epochs: results, confusion: confusion! };
}
