import { noGrad } from '@nn/autograd';
import { DataLoader, type ImageDataset } from '@nn/datasets';
import { argmax, softmax, tensor, tidy, type Tensor } from '@nn/tensor';
import type { Sequential } from '@nn/layers';
import { confusionMatrix, type Confusion } from './confusion.js';

/**
 * Images per forward pass when evaluating. Kept fixed (and stored with the model) so that `evaluate`
 * runs exactly the same arithmetic as the evaluation after training.
 */
export const EVAL_BATCH_SIZE = 1000;

/** Predictions on a whole dataset and the confusion matrix they give. */
export interface Evaluation {
  /** The predicted class of each image, in dataset order. */
  predictions: Int32Array;
  confusion: Confusion;
}

/**
 * Runs `model` over `dataset` in order, in eval mode and without recording gradients, and counts
 * predictions (argmax of the logits) against labels. The model's train/eval mode is restored.
 */
export function evaluateModel(model: Sequential, dataset: ImageDataset, batchSize = EVAL_BATCH_SIZE): Evaluation {
  const wasTraining = model.training;
  model.eval();
  const predictions = new Int32Array(dataset.length);
  let at = 0;
  try {
    for (const batch of new DataLoader(dataset, { batchSize })) {
      const [x, y] = batch as [Tensor, Tensor];
      const predicted = noGrad(() => tidy(() => argmax(model.call(x), 1).dataSync()));
      predictions.set(predicted, at);
      at += predicted.length;
      x.dispose();
      y.dispose();
    }
  } finally {
    model.train(wasTraining);
  }
  const classes = dataset.classNames.length;
  return { predictions, confusion: confusionMatrix(dataset.labels, predictions, classes) };
}

/** Class probabilities (softmax of the logits) for one 28×28 image given as 784 values in [0, 1]. */
export function classProbabilities(model: Sequential, pixels: Float32Array): Float32Array {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(() =>
      tidy(() => {
        const x = tensor(pixels, { shape: [1, 1, 28, 28] });
        return softmax(model.call(x), 1).dataSync() as Float32Array;
      }),
    );
  } finally {
    model.train(wasTraining);
  }
}
