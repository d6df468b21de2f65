// Regularisation must measurably shrink the train/test gap of an overfitting network. The task:
// 20 noisy samples of a line, y = x/2 + N(0, 0.5²) at x on a jittered grid of [−3, 3], fitted by a
// 1-64-64-1 ReLU MLP with Adam (cosine-annealed learning rate), which memorises the noise (train
// MSE ≪ test MSE on 1000 fresh points). The same network (same initial weights, same schedule)
// trained with Dropout(0.5) after each hidden layer, or with AdamW's decoupled weight decay, must
// leave a much smaller gap — on each of 3 seeds (each with its own data and initial weights) and
// on average. Mean squared error is the measure: unlike cross-entropy, dropout's implicit penalty
// does not vanish on points the network already fits confidently.
import { backward, enableGrad, noGrad } from '@nn/autograd';
import { Adam, AdamW, CosineAnnealingLR, type Optimizer } from '@nn/optim';
import { Generator, tensor, tidy, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { mseLoss } from '../src/functional/index.js';
import { Dropout, Linear, ReLU, Sequential, type TensorModule } from '../src/index.js';

const SEEDS = [0, 1, 2];
const HIDDEN = 64;
const STEPS = 400;
const LR = 0.01;
const NOISE = 0.5;

interface Regression {
  x: Tensor;
  y: Tensor;
}

/**
 * `n` points of y = x/2 + N(0, NOISE²): `x: [n, 1]`, `y: [n, 1]`, x ~ U(−3, 3), or with `grid` one
 * x in each of n equal cells of [−3, 3] (no clusters of near-duplicates in a small training set).
 */
function noisyLine(n: number, seed: number, grid: boolean): Regression {
  const g = new Generator(seed);
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const x = grid ? -3 + (6 * (i + g.random())) / n : -3 + 6 * g.random();
    xs.push([x]);
    ys.push([0.5 * x + NOISE * g.normal()]);
  }
  return { x: tensor(xs), y: tensor(ys) };
}

/** 1-64-64-1 ReLU MLP; with `dropout > 0`, a Dropout after each hidden activation. Same weights per seed. */
function mlp(seed: number, dropout: number): Sequential {
  const g = new Generator(seed);
  const drop = (): TensorModule[] => (dropout > 0 ? [new Dropout(dropout, { generator: g })] : []);
  return new Sequential(
    new Linear(1, HIDDEN, { generator: g }),
    new ReLU(),
    ...drop(),
    new Linear(HIDDEN, HIDDEN, { generator: g }),
    new ReLU(),
    ...drop(),
    new Linear(HIDDEN, 1, { generator: g }),
  );
}

interface Fit {
  train: number;
  test: number;
  gap: number;
}

/**
 * Trains `model` full-batch for STEPS steps, the learning rate annealed to 0 along a cosine, then
 * measures the MSE (in evaluation mode) on both sets.
 */
function fit(model: Sequential, optimizer: Optimizer, trainSet: Regression, testSet: Regression): Fit {
  const schedule = new CosineAnnealingLR(optimizer, STEPS);
  const stop = enableGrad();
  try {
    for (let s = 0; s < STEPS; s++) {
      tidy(() => {
        optimizer.zeroGrad();
        backward(mseLoss(model.call(trainSet.x), trainSet.y));
        optimizer.step();
      });
      schedule.step();
    }
  } finally {
    stop();
  }
  model.eval();
  const mse = (d: Regression) => tidy(() => noGrad(() => mseLoss(model.call(d.x), d.y).item() as number));
  const train = mse(trainSet);
  const test = mse(testSet);
  model.dispose();
  return { train, test, gap: test - train };
}

const data = new Map<number, [Regression, Regression]>();
function dataFor(seed: number): [Regression, Regression] {
  if (!data.has(seed)) data.set(seed, [noisyLine(20, 100 + seed, true), noisyLine(1000, 200 + seed, false)]);
  return data.get(seed)!;
}

const plainFits = new Map<number, Fit>();
/** The unregularised fit of a seed (computed once, shared by both tests). */
function plain(seed: number): Fit {
  if (!plainFits.has(seed)) {
    const model = mlp(seed, 0);
    plainFits.set(seed, fit(model, new Adam(model.parameters(), { lr: LR }), ...dataFor(seed)));
  }
  return plainFits.get(seed)!;
}

function show(name: string, seed: number, f: Fit): string {
  return `${name.padEnd(12)} seed ${seed}: train MSE ${f.train.toFixed(4)}, test MSE ${f.test.toFixed(4)}, gap ${f.gap.toFixed(4)}`;
}

/**
 * The plain fits must overfit (train MSE < test MSE / 2); the regularised fits must shrink the gap
 * on every seed (to < 0.85× the plain gap) and clearly on average (to < 0.6×), and generalise
 * better on average (lower mean test MSE).
 */
function expectSmallerGaps(name: string, regularised: (seed: number) => Fit): void {
  const rows = SEEDS.map((seed) => ({ seed, plain: plain(seed), reg: regularised(seed) }));
  for (const r of rows) console.log(`${show('plain', r.seed, r.plain)}\n${show(name, r.seed, r.reg)}`);
  const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  console.log(
    `${name}: mean gap ${mean((r) => r.plain.gap).toFixed(4)} → ${mean((r) => r.reg.gap).toFixed(4)}, ` +
      `mean test MSE ${mean((r) => r.plain.test).toFixed(4)} → ${mean((r) => r.reg.test).toFixed(4)}`,
  );
  for (const r of rows) {
    expect(r.plain.train, `plain seed ${r.seed} overfits`).toBeLessThan(r.plain.test / 2);
    expect(r.reg.gap, `${name} seed ${r.seed}`).toBeLessThan(0.85 * r.plain.gap);
  }
  expect(mean((r) => r.reg.gap)).toBeLessThan(0.6 * mean((r) => r.plain.gap));
  expect(mean((r) => r.reg.test)).toBeLessThan(mean((r) => r.plain.test));
}

describe('regularisation shrinks the train/test gap of an overfitting MLP', () => {
  it('Dropout(0.5) after each hidden layer', () => {
    expectSmallerGaps('dropout 0.5', (seed) => {
      const model = mlp(seed, 0.5);
      return fit(model, new Adam(model.parameters(), { lr: LR }), ...dataFor(seed));
    });
  });

  it('decoupled weight decay (AdamW, weightDecay 10)', () => {
    expectSmallerGaps('AdamW wd 10', (seed) => {
      const model = mlp(seed, 0);
      return fit(model, new AdamW(model.parameters(), { lr: LR, weightDecay: 10 }), ...dataFor(seed));
    });
  });
});
