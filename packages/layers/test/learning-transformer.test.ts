// Learning test: a one-layer Transformer encoder (token embedding + learned positional embedding +
// TransformerEncoderLayer + Linear head) learns to reverse sequences of 6 symbols over a
// vocabulary of 8, trained with Adam on random batches (fixed seeds), and reaches ≥ 95% per-token
// accuracy on 512 held-out sequences that never occur in training.
import { backward, enableGrad, noGrad } from '@nn/autograd';
import { Adam } from '@nn/optim';
import { add, argmax, Generator, getBackend, manualSeed, reshape, tensor, tidy, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../src/functional/index.js';
import { Embedding, Linear, Module, TransformerEncoderLayer } from '../src/index.js';

const VOCAB = 8;
const LENGTH = 6;
const D_MODEL = 32;
const STEPS = 120; // 99.8% is reached after about 35 steps with these seeds

class Reverser extends Module<[Tensor], Tensor> {
  tokens: Embedding;
  positions: Embedding;
  encoder: TransformerEncoderLayer;
  head: Linear;
  readonly #positionIds: Tensor;

  constructor(generator: Generator) {
    super();
    this.tokens = new Embedding(VOCAB, D_MODEL, { generator });
    this.positions = new Embedding(LENGTH, D_MODEL, { generator });
    this.encoder = new TransformerEncoderLayer(D_MODEL, 4, {
      dimFeedforward: 64,
      dropout: 0,
      batchFirst: true,
      generator,
    });
    this.head = new Linear(D_MODEL, VOCAB, { generator });
    this.#positionIds = tensor([Array.from({ length: LENGTH }, (_, i) => i)], { dtype: 'int32' });
  }

  /** `ids: [N, L]` int32 → logits `[N, L, VOCAB]`. */
  forward(ids: Tensor): Tensor {
    return tidy(() => {
      const x = add(this.tokens.call(ids), this.positions.call(this.#positionIds));
      return this.head.call(this.encoder.call(x));
    });
  }

  override dispose(): void {
    super.dispose();
    this.#positionIds.dispose();
  }
}

function randomSequence(g: Generator): number[] {
  return Array.from({ length: LENGTH }, () => g.integer(0, VOCAB));
}

function batch(seqs: number[][]): { ids: Tensor; targets: Tensor } {
  return {
    ids: tensor(seqs, { dtype: 'int32' }),
    targets: tensor(
      seqs.map((s) => [...s].reverse()),
      { dtype: 'int32' },
    ),
  };
}

function accuracy(model: Reverser, seqs: number[][]): number {
  return tidy(() =>
    noGrad(() => {
      const { ids, targets } = batch(seqs);
      const predicted = argmax(model.call(ids), -1).dataSync();
      const want = targets.dataSync();
      let correct = 0;
      for (let i = 0; i < want.length; i++) if (predicted[i] === want[i]) correct++;
      return correct / want.length;
    }),
  );
}

describe('learning: Transformer encoder reverses sequences', () => {
  it('reaches ≥ 95% per-token accuracy on held-out sequences', () => {
    manualSeed(0);
    const data = new Generator(2024);
    const heldOut: number[][] = [];
    const heldOutKeys = new Set<string>();
    while (heldOut.length < 512) {
      const s = randomSequence(data);
      if (heldOutKeys.has(s.join())) continue;
      heldOutKeys.add(s.join());
      heldOut.push(s);
    }
    const model = new Reverser(new Generator(7));
    const optimizer = new Adam(model.parameters(), { lr: 3e-3 });
    const initial = accuracy(model, heldOut);
    let afterFirstStep = 0;
    const stop = enableGrad();
    try {
      for (let step = 0; step < STEPS; step++) {
        const seqs: number[][] = [];
        while (seqs.length < 64) {
          const s = randomSequence(data);
          if (!heldOutKeys.has(s.join())) seqs.push(s);
        }
        tidy(() => {
          optimizer.zeroGrad();
          const { ids, targets } = batch(seqs);
          const logits = model.call(ids);
          backward(crossEntropy(reshape(logits, [-1, VOCAB]), reshape(targets, [-1])));
          optimizer.step();
        });
        // after the first step the optimizer state exists: from then on nothing may accumulate
        if (step === 0) afterFirstStep = getBackend().numDataIds();
      }
      expect(getBackend().numDataIds()).toBe(afterFirstStep);
    } finally {
      stop();
    }
    model.eval();
    const final = accuracy(model, heldOut);
    console.log(
      `reverse (L=${LENGTH}, vocab ${VOCAB}): held-out per-token accuracy ${(initial * 100).toFixed(1)}% → ${(final * 100).toFixed(1)}%`,
    );
    expect(initial).toBeLessThan(0.3);
    expect(final).toBeGreaterThanOrEqual(0.95);
    model.dispose();
  });
});
