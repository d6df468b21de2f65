/**
 * One training step per engine, on the next benchmark batch (cycled): forward, softmax
 * cross-entropy (mean over the batch), backward, an Adam update (lr 1e-3, β (0.9, 0.999), ε 1e-8),
 * and the loss read back as a number (the CLI shows it in its progress bar).
 */
import { Generator, tensor, tidy, type Tensor } from '@nn/tensor';
import { crossEntropy } from '@nn/layers/functional';
import { backward, enableGrad } from '@nn/autograd';
import { makeOptimizer } from '../../src/train.js';
import type { HostBatch } from './data.js';
import type { TF, TFLayers } from './engines.js';
import { permute, type ModelSpec } from './models.js';

export const LEARNING_RATE = 1e-3;
/** Adam's defaults in @nn (PyTorch's); TF.js is given the same (its own ε default is 1e-7). */
export const BETAS = [0.9, 0.999] as const;
export const EPSILON = 1e-8;

/** A live model on one engine. */
export interface Trainer {
  /** One training step on the next batch; returns the loss before the update. */
  step(): number;
  dispose(): void;
}

export interface NNTrainer extends Trainer {
  /** The initial parameter values, in `model.parameters()` order (copies). */
  readonly initialWeights: readonly Float32Array[];
}

/**
 * @nn on its CPU backend, the CLI's model, optimizer (`makeOptimizer('adam', …)`: PyTorch's
 * defaults) and step: `tidy(() => { zeroGrad; loss = crossEntropy(model(x), y); backward(loss) })`,
 * then `optimizer.step()` (the CLI's step also counts correct predictions, left out here as TF.js
 * does not do it). Weights from `new Generator(seed)`.
 */
export function nnTrainer(spec: ModelSpec, batches: readonly HostBatch[], seed: number): NNTrainer {
  const model = spec.nn(new Generator(seed));
  const params = model.parameters();
  if (params.length !== spec.params.length || params.some((p, k) => p.shape.join() !== spec.params[k]!.shape.join())) {
    throw new Error(
      `@nn ${spec.kind} parameters [${params.map((p) => `[${p.shape.join()}]`).join(' ')}] are not the benchmark's`,
    );
  }
  const initialWeights = params.map((p) => Float32Array.from(p.value.dataSync() as Float32Array));
  const optimizer = makeOptimizer('adam', model, LEARNING_RATE);
  const data = batches.map((b) => ({
    x: tensor(b.images, { shape: [b.size, 1, 28, 28] }),
    y: tensor(b.labels, { shape: [b.size] }),
  }));
  let i = 0;
  return {
    initialWeights,
    step() {
      const { x, y } = data[i++ % data.length]!;
      const stop = enableGrad();
      let loss: number;
      try {
        loss = tidy(() => {
          optimizer.zeroGrad();
          const l: Tensor = crossEntropy(model.call(x), y);
          backward(l);
          return l.item() as number;
        });
      } finally {
        stop();
      }
      optimizer.step();
      return loss;
    },
    dispose() {
      optimizer.dispose();
      model.dispose();
      for (const { x, y } of data) {
        x.dispose();
        y.dispose();
      }
    },
  };
}

type TFTensor = ReturnType<TF['tensor']>;

/** The TF.js model with our initial weights, its Adam optimizer and the batches on TF.js's active backend. */
function tfSetup(
  tf: TF,
  tfl: TFLayers,
  spec: ModelSpec,
  batches: readonly HostBatch[],
  weights: readonly Float32Array[],
) {
  const model = spec.tf(tfl);
  const current = model.getWeights();
  if (current.length !== weights.length) {
    throw new Error(`TF.js ${spec.kind} has ${current.length} weights, @nn ${weights.length}`);
  }
  const values = weights.map((w, k) => {
    const m = spec.params[k]!;
    return tf.tensor(permute(w, m.view, m.perm), current[k]!.shape);
  });
  model.setWeights(values); // the variables take the values' data (refcounted); `current` are the variables themselves
  tf.dispose(values);
  const optimizer = tf.train.adam(LEARNING_RATE, BETAS[0], BETAS[1], EPSILON);
  const data = batches.map((b) => ({
    x: tf.tensor4d(b.images, [b.size, 28, 28, 1]),
    y: tf.tensor2d(b.oneHot, [b.size, 10]),
  }));
  const dispose = (): void => {
    optimizer.dispose();
    model.dispose();
    for (const { x, y } of data) tf.dispose([x, y]);
  };
  return { model, optimizer, data, dispose };
}

/**
 * TF.js on its active backend, the custom-loop way: `optimizer.minimize(() =>
 * tf.losses.softmaxCrossEntropy(oneHot, model.apply(x, { training: true })), true, weights)`.
 */
export function tfMinimizeTrainer(
  tf: TF,
  tfl: TFLayers,
  spec: ModelSpec,
  batches: readonly HostBatch[],
  weights: readonly Float32Array[],
): Trainer {
  const { model, optimizer, data, dispose } = tfSetup(tf, tfl, spec, batches, weights);
  const vars = model.trainableWeights.map((w) => w.read() as ReturnType<TF['variable']>);
  let i = 0;
  return {
    step() {
      const { x, y } = data[i++ % data.length]!;
      const loss = optimizer.minimize(
        () =>
          tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as TFTensor) as ReturnType<TF['scalar']>,
        true,
        vars,
      )!;
      const value = loss.dataSync()[0]!;
      loss.dispose();
      return value;
    },
    dispose,
  };
}
