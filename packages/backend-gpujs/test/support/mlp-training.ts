// A small, deterministic MNIST training run used by the training and leak tests, in Node and in
// the browser: the same seeded MLP, the same batches of the bundled digits, on the active backend.
import { backward, enableGrad } from '@nn/autograd';
import { loadMnist, type ImageDataset } from '@nn/datasets';
import { Flatten, Linear, ReLU, Sequential } from '@nn/layers';
import { crossEntropy } from '@nn/layers/functional';
import { Adam } from '@nn/optim';
import { Generator, tidy } from '@nn/tensor';

/** The shape of the run. */
export interface RunOptions {
  /** Hidden layer widths (the MNIST MLP is [128, 64]). */
  readonly hidden: readonly number[];
  readonly batchSize: number;
  readonly lr: number;
  readonly seed: number;
}

/** A model, its optimizer and its data, ready to step. */
export interface TrainingRun {
  /** One Adam step on the next batch; resolves to the batch's loss. */
  step(): Promise<number>;
  /** Frees the model and the optimizer state. */
  dispose(): void;
}

let digits: Promise<ImageDataset> | undefined;

/** The 8,000 bundled training digits (decoded once). */
function trainingDigits(): Promise<ImageDataset> {
  digits ??= loadMnist().then((splits) => splits.train);
  return digits;
}

/** Builds the seeded MLP and Adam on the active backend. */
export async function startRun(options: RunOptions): Promise<TrainingRun> {
  const data = await trainingDigits();
  const generator = new Generator(options.seed);
  const widths = [28 * 28, ...options.hidden, 10];
  const layers = widths.slice(1).flatMap((out, i) => {
    const linear = new Linear(widths[i]!, out, { generator });
    return i < widths.length - 2 ? [linear, new ReLU()] : [linear];
  });
  const model = new Sequential(new Flatten(), ...layers);
  const optimizer = new Adam(model.parameters(), { lr: options.lr });
  let next = 0;
  return {
    async step() {
      const indices = Array.from({ length: options.batchSize }, (_, i) => (next * options.batchSize + i) % data.length);
      next++;
      const [x, y] = data.getBatch(indices);
      const stop = enableGrad();
      let loss;
      try {
        loss = tidy(() => {
          optimizer.zeroGrad();
          const l = crossEntropy(model.call(x), y);
          backward(l);
          return l;
        });
      } finally {
        stop();
      }
      optimizer.step();
      x.dispose();
      y.dispose();
      const value = (await loss.data())[0]!;
      loss.dispose();
      return value;
    },
    dispose() {
      optimizer.zeroGrad();
      optimizer.dispose();
      model.dispose();
    },
  };
}
