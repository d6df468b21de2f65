import { ImageDataset } from '@nn/datasets';
import { Generator, getBackend } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../src/confusion.js';
import { evaluateModel } from '../src/inference.js';
import { buildModel } from '../src/models.js';
import { createProgress } from '../src/progress.js';
import { trainModel, type TrainConfig } from '../src/train.js';
import { Capture } from './support/io.js';

/** A toy 10-class set of 28×28 images: class k is a bright horizontal bar at rows 2k+4..2k+5, with noise. */
function bars(n: number, seed: number): ImageDataset {
  const g = new Generator(seed);
  const images = new Uint8Array(n * 784);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 10;
    labels[i] = k;
    for (let p = 0; p < 784; p++) {
      const row = Math.floor(p / 28);
      images[i * 784 + p] = row === 2 * k + 4 || row === 2 * k + 5 ? 200 + g.integer(0, 56) : g.integer(0, 60);
    }
  }
  return new ImageDataset({ images, labels, height: 28, width: 28, classNames: Array.from({ length: 10 }, (_, k) => String(k)) });
}

const config: TrainConfig = { epochs: 2, batchSize: 16, lr: 1e-3, optimizer: 'adam', seed: 3, augment: false };

describe('trainModel', () => {
  const data = { train: bars(160, 1), test: bars(50, 2) };

  it('learns an easy task, reports each epoch, and leaks no tensors', () => {
    const model = buildModel('mlp', new Generator(0));
    const baseline = getBackend().numDataIds();
    const epochs: number[] = [];
    const out = new Capture(false);
    const result = trainModel(model, data, config, { progress: createProgress(out), onEpoch: (r) => epochs.push(r.epoch) });
    expect(getBackend().numDataIds()).toBe(baseline);
    expect(epochs).toEqual([1, 2]);
    expect(result.epochs).toHaveLength(2);
    const last = result.epochs[1]!;
    expect(last.testAccuracy).toBeGreaterThan(0.9);
    expect(last.testTotal).toBe(50);
    expect(last.trainLoss).toBeLessThan(result.epochs[0]!.trainLoss);
    expect(out.lines().filter((l) => l.includes('100%'))).toHaveLength(2);
    // The final confusion matrix is the evaluation of the trained model.
    const again = evaluateModel(model, data.test);
    expect(again.confusion).toEqual(result.confusion);
    expect(confusionMatrix(data.test.labels, again.predictions, 10)).toEqual(result.confusion);
    expect(model.training).toBe(true);
    model.dispose();
  });

  it('is deterministic for a seed; augmentation, SGD and AdamW run', () => {
    const run = (c: TrainConfig, kind: 'mlp' | 'cnn' = 'mlp'): number[] => {
      const model = buildModel(kind, new Generator(c.seed));
      const baseline = getBackend().numDataIds();
      const r = trainModel(model, { train: data.train.subset([...Array(64).keys()]), test: data.test }, { ...c, epochs: 1 });
      expect(getBackend().numDataIds()).toBe(baseline);
      const weights = model.parameters().flatMap((p) => Array.from(p.value.dataSync().subarray(0, 5)));
      model.dispose();
      return [r.epochs[0]!.trainLoss, ...weights];
    };
    expect(run(config)).toEqual(run(config));
    expect(run({ ...config, seed: 4 })).not.toEqual(run(config));
    const augmented = run({ ...config, augment: true });
    expect(augmented).toEqual(run({ ...config, augment: true }));
    expect(augmented).not.toEqual(run(config));
    expect(run({ ...config, optimizer: 'sgd' })).not.toEqual(run(config));
    expect(run({ ...config, optimizer: 'adamw' })).not.toEqual(run(config));
    expect(run(config, 'cnn')[0]).toBeGreaterThan(0);
  });
});
