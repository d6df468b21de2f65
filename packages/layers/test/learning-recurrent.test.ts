// Learning tests with fixed seeds: an LSTM learns to echo its input two steps late, and a GRU learns
// the running parity of a bit sequence, each to ≥ 95% accuracy on held-out sequences.
import { backward, enableGrad, noGrad } from '@nn/autograd';
import { Adam } from '@nn/optim';
import {
  argmax,
  cast,
  eq,
  Generator,
  getBackend,
  manualSeed,
  maskedFill,
  oneHot,
  randint,
  reshape,
  sum,
  tensor,
  tidy,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../src/functional/index.js';
import { GRU, Linear, LSTM, Module } from '../src/index.js';

const f32 = (t: Tensor): Tensor => cast(t, 'float32');

/** A recurrent layer followed by a linear read-out at every step: `[L, N, V] → [L, N, C]` logits. */
class Tagger extends Module<[Tensor], Tensor> {
  constructor(
    public rnn: LSTM | GRU,
    public head: Linear,
  ) {
    super();
  }
  forward(x: Tensor): Tensor {
    const [output] = this.rnn.call(x);
    return this.head.call(output);
  }
}

interface Task {
  /** Inputs `[L, N, V]` (one-hot float) and int32 targets `[L, N]`, −100 where nothing is asked. */
  batch(n: number, g: Generator): { x: Tensor; y: Tensor };
  classes: number;
}

/** Delayed echo: at step t, the symbol that came in at step t − delay (nothing asked before). */
function echoTask(length: number, symbols: number, delay: number): Task {
  return {
    classes: symbols,
    batch(n, g) {
      const ids = randint(0, symbols, [length, n], { generator: g });
      const x = f32(oneHot(ids, symbols));
      const values = ids.dataSync();
      const y = new Int32Array(length * n).fill(-100);
      for (let t = delay; t < length; t++) for (let i = 0; i < n; i++) y[t * n + i] = values[(t - delay) * n + i]!;
      ids.dispose();
      return { x, y: tensor(y, { shape: [length, n], dtype: 'int32' }) };
    },
  };
}

/** Running parity: at step t, the XOR of bits 0..t. */
function parityTask(length: number): Task {
  return {
    classes: 2,
    batch(n, g) {
      const bits = randint(0, 2, [length, n], { generator: g });
      const x = f32(oneHot(bits, 2));
      const values = bits.dataSync();
      const y = new Int32Array(length * n);
      for (let i = 0; i < n; i++) {
        let p = 0;
        for (let t = 0; t < length; t++) y[t * n + i] = p ^= values[t * n + i]!;
      }
      bits.dispose();
      return { x, y: tensor(y, { shape: [length, n], dtype: 'int32' }) };
    },
  };
}

/** Trains `model` on fresh batches with Adam, then returns its accuracy on held-out sequences. */
function trainAndTest(model: Tagger, task: Task, steps: number, lr: number, seed: number): number {
  const g = new Generator(seed);
  const opt = new Adam(model.parameters(), { lr });
  const flat = (t: Tensor): Tensor => reshape(t, [-1, task.classes]);
  const stop = enableGrad();
  try {
    for (let step = 0; step < steps; step++) {
      tidy(() => {
        const { x, y } = task.batch(32, g);
        const loss = crossEntropy(flat(model.call(x)), reshape(y, [-1]));
        opt.zeroGrad();
        backward(loss);
        opt.step();
      });
    }
  } finally {
    stop();
    opt.dispose();
  }
  const test = new Generator(seed + 1000); // held out: another stream than the training batches
  return noGrad(() =>
    tidy(() => {
      const { x, y } = task.batch(256, test);
      const asked = reshape(eq(y, -100), [-1]);
      const hits = eq(argmax(flat(model.call(x)), 1), reshape(y, [-1]));
      const counted = Number(sum(maskedFill(f32(hits), asked, 0)).item());
      const total = asked.size - Number(sum(f32(asked)).item());
      return counted / total;
    }),
  );
}

describe('recurrent layers learn toy sequence tasks', () => {
  it('an LSTM echoes its input 2 steps late (≥ 95% on held-out sequences)', () => {
    manualSeed(1);
    const before = getBackend().numDataIds();
    const model = new Tagger(
      new LSTM(4, 16, { generator: new Generator(7) }),
      new Linear(16, 4, { generator: new Generator(8) }),
    );
    const accuracy = trainAndTest(model, echoTask(10, 4, 2), 120, 0.02, 42);
    console.log(`LSTM delayed echo: held-out accuracy ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    model.dispose();
    expect(getBackend().numDataIds()).toBe(before);
  });

  it('a GRU computes the running parity of a bit sequence (≥ 95% on held-out sequences)', () => {
    manualSeed(2);
    const model = new Tagger(
      new GRU(2, 16, { generator: new Generator(9) }),
      new Linear(16, 2, { generator: new Generator(10) }),
    );
    const accuracy = trainAndTest(model, parityTask(10), 200, 0.02, 43);
    console.log(`GRU running parity: held-out accuracy ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    model.dispose();
  });
});
