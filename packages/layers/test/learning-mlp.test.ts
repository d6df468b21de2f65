// Learning tests: small MLPs built from @nn/layers, differentiated by @nn/autograd and trained by
// @nn/optim with fixed seeds, must actually learn: XOR to 100%, the 3-class spiral to ≥ 97% train
// accuracy. Full-batch training; each test runs in a few seconds on a shared 2-core machine.
import { backward, enableGrad, noGrad } from '@nn/autograd';
import { Adam, SGD, type Optimizer } from '@nn/optim';
import { argmax, Generator, getBackend, gt, tensor, tidy, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { crossEntropy, mseLoss } from '../src/functional/index.js';
import { Linear, ReLU, Sequential, Tanh } from '../src/index.js';
import { spiral, xor, type Dataset2d } from './support/datasets-2d.js';

/** Runs `steps` full-batch steps of `loss(model(x))`; returns the loss of the last step. */
function train(
  model: Sequential,
  optimizer: Optimizer,
  x: Tensor,
  loss: (out: Tensor) => Tensor,
  steps: number,
): number {
  const stop = enableGrad();
  let last = NaN;
  try {
    for (let s = 0; s < steps; s++) {
      tidy(() => {
        optimizer.zeroGrad();
        const l = loss(model.call(x));
        backward(l);
        optimizer.step();
        if (s === steps - 1) last = l.item() as number;
      });
    }
  } finally {
    stop();
  }
  return last;
}

/** The fraction of points whose argmax class is the label. */
function accuracy(model: Sequential, data: Dataset2d): number {
  const predicted = tidy(() => noGrad(() => Array.from(argmax(model.call(data.x), -1).dataSync())));
  return predicted.filter((p, i) => p === data.labels[i]).length / predicted.length;
}

describe('XOR', () => {
  it('a 2-8-2 tanh MLP with cross-entropy and Adam classifies all 4 points (3 seeds), without leaking', () => {
    const data = xor();
    for (const seed of [0, 1, 2]) {
      const g = new Generator(seed);
      const model = new Sequential(new Linear(2, 8, { generator: g }), new Tanh(), new Linear(8, 2, { generator: g }));
      const optimizer = new Adam(model.parameters(), { lr: 0.05 });
      const objective = (out: Tensor) => crossEntropy(out, data.y);
      // Warm up (the optimizer creates its state on the first step), then every step must free
      // everything it made: the count of live tensors stays put.
      train(model, optimizer, data.x, objective, 2);
      const live = getBackend().numDataIds();
      train(model, optimizer, data.x, objective, 10);
      expect(getBackend().numDataIds()).toBe(live);
      const loss = train(model, optimizer, data.x, objective, 188);
      const acc = accuracy(model, data);
      console.log(`XOR 2-8-2 seed ${seed}: loss ${loss.toFixed(5)}, accuracy ${acc}`);
      expect(acc).toBe(1);
      expect(loss).toBeLessThan(0.01);
      model.dispose();
    }
  });

  it('a 2-4-1 tanh MLP with a mean-squared error and SGD with momentum thresholds all 4 points at 0.5', () => {
    const data = xor();
    const target = tensor(data.labels.map((l) => [l]));
    for (const seed of [0, 1, 2]) {
      const g = new Generator(seed);
      const model = new Sequential(new Linear(2, 4, { generator: g }), new Tanh(), new Linear(4, 1, { generator: g }));
      const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
      const loss = train(model, optimizer, data.x, (out) => mseLoss(out, target), 300);
      const predicted = tidy(() => noGrad(() => Array.from(gt(model.call(data.x), 0.5).dataSync())));
      console.log(`XOR 2-4-1 seed ${seed}: mse ${loss.toFixed(5)}, predictions ${predicted.join(',')}`);
      expect(predicted).toEqual(data.labels);
      expect(loss).toBeLessThan(0.01);
      model.dispose();
    }
  });
});

describe('3-class spiral', () => {
  it('a 2-32-32-3 ReLU MLP reaches ≥ 97% train accuracy on 300 points, where a linear model cannot (2 seeds)', () => {
    for (const seed of [0, 1]) {
      const data = spiral(100, 3, seed);
      const g = new Generator(seed);
      const linear = new Sequential(new Linear(2, 3, { generator: g }));
      train(linear, new Adam(linear.parameters(), { lr: 0.05 }), data.x, (out) => crossEntropy(out, data.y), 150);
      const linearAcc = accuracy(linear, data);
      const model = new Sequential(
        new Linear(2, 32, { generator: g }),
        new ReLU(),
        new Linear(32, 32, { generator: g }),
        new ReLU(),
        new Linear(32, 3, { generator: g }),
      );
      const before = accuracy(model, data);
      const optimizer = new Adam(model.parameters(), { lr: 0.01 });
      const loss = train(model, optimizer, data.x, (out) => crossEntropy(out, data.y), 150);
      const acc = accuracy(model, data);
      console.log(
        `spiral seed ${seed}: MLP accuracy ${before.toFixed(3)} → ${acc.toFixed(3)} (loss ${loss.toFixed(4)}); linear model ${linearAcc.toFixed(3)}`,
      );
      expect(linearAcc).toBeLessThan(0.7);
      expect(acc).toBeGreaterThanOrEqual(0.97);
      linear.dispose();
      model.dispose();
    }
  });
});
