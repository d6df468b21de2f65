import type { Generator } from '@nn/tensor';
import { Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential } from '@nn/layers';
import type { ModelKind } from './args.js';

/** Image height and width the models take. */
export const IMAGE_SIZE = 28;
/** Number of classes (digits 0–9, or the 10 Fashion-MNIST classes). */
export const CLASSES = 10;

/**
 * The guide's network: `x: [N, 1, 28, 28] → Flatten → Linear(784, 128) → ReLU → Linear(128, 64) →
 * ReLU → Linear(64, 10) → logits [N, 10]` (softmax is in the loss). 109,386 parameters. State-dict
 * keys are PyTorch's for the same `nn.Sequential`: `1.weight`, `1.bias`, `3.*`, `5.*`.
 */
export function mlp(generator?: Generator): Sequential {
  const o = generator === undefined ? {} : { generator };
  return new Sequential(
    new Flatten(),
    new Linear(IMAGE_SIZE * IMAGE_SIZE, 128, o),
    new ReLU(),
    new Linear(128, 64, o),
    new ReLU(),
    new Linear(64, CLASSES, o),
  );
}

/**
 * A small CNN: `x: [N, 1, 28, 28] → Conv2d(1, 8, 3, pad 1) → ReLU → MaxPool2d(2) [N, 8, 14, 14] →
 * Conv2d(8, 16, 3, pad 1) → ReLU → MaxPool2d(2) [N, 16, 7, 7] → Flatten [N, 784] → Linear(784, 10)`.
 * 9,098 parameters (80 + 1,168 + 7,850). Keys: `0.*`, `3.*`, `7.*`.
 */
export function cnn(generator?: Generator): Sequential {
  const o = generator === undefined ? {} : { generator };
  return new Sequential(
    new Conv2d(1, 8, 3, { padding: 1, ...o }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(8, 16, 3, { padding: 1, ...o }),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(16 * 7 * 7, CLASSES, o),
  );
}

/** Builds the network `kind`, its initial weights drawn from `generator` (PyTorch's default init). */
export function buildModel(kind: ModelKind, generator?: Generator): Sequential {
  return kind === 'cnn' ? cnn(generator) : mlp(generator);
}

/** Total number of trainable values. */
export function parameterCount(model: Sequential): number {
  return model.parameters().reduce((n, p) => n + p.value.size, 0);
}
