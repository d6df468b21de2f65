// Dropout: train-mode statistics (fraction zeroed ≈ p, mean preserved, survivors scaled by 1/(1−p)), seeded
// reproducibility, eval identity, p = 0 and p = 1, gradients through the mask, validation, the functional form.
import { backward } from '@nn/autograd';
import { ArgumentError, DTypeError, Generator, getBackend, ones, randn, sum, tidy, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { dropout } from '../src/functional/index.js';
import { Dropout, Linear, Sequential } from '../src/index.js';
import { expectError } from './support/errors.js';
import { withGrad } from './support/grad.js';

describe('Dropout in training mode', () => {
  for (const p of [0.1, 0.5, 0.8]) {
    it(`p = ${p}: zeroes a fraction ≈ p, scales the rest by 1/(1 − p), keeps the mean`, () => {
      tidy(() => {
        const n = 20000;
        const drop = new Dropout(p, { generator: new Generator(42) });
        const x = randn([n], { generator: new Generator(1) });
        const xs = x.dataSync();
        const ys = drop.call(x).dataSync();
        let zeros = 0;
        let sumX = 0;
        let sumY = 0;
        let badScale = 0;
        for (let i = 0; i < n; i++) {
          if (ys[i] === 0) zeros++;
          else if (!(Math.abs(ys[i]! - xs[i]! / (1 - p)) <= 1e-5 * (1 + Math.abs(ys[i]!)))) badScale++;
        }
        expect(badScale).toBe(0);
        for (let i = 0; i < n; i++) sumX += xs[i]!;
        for (let i = 0; i < n; i++) sumY += ys[i]!;
        // 4.5 standard deviations of a binomial proportion: the test fails for a wrong p, not by chance.
        const sd = Math.sqrt((p * (1 - p)) / n);
        expect(Math.abs(zeros / n - p)).toBeLessThan(4.5 * sd);
        // E[y] = x: the mean moves only by the mask's noise, sd √(p/(1−p)·Σx²)/n.
        const sumSq = Array.from(xs).reduce((a, v) => a + v * v, 0);
        const meanSd = Math.sqrt((p / (1 - p)) * sumSq) / n;
        expect(Math.abs(sumY / n - sumX / n)).toBeLessThan(4.5 * meanSd);
        const mean1 = (sum(drop.call(ones([n]))).item() as number) / n; // on ones: ≈ 1
        expect(Math.abs(mean1 - 1)).toBeLessThan(4.5 * Math.sqrt(p / (1 - p) / n));
        expect(zeros).toBeGreaterThan(0);
      });
    });
  }

  it('draws the same mask from the same seed and a new one per call', () => {
    tidy(() => {
      const a = new Dropout(0.5, { generator: new Generator(9) });
      const b = new Dropout(0.5, { generator: new Generator(9) });
      const first = Array.from(a.call(ones([64])).dataSync());
      expect(Array.from(b.call(ones([64])).dataSync())).toEqual(first);
      expect(Array.from(a.call(ones([64])).dataSync())).not.toEqual(first);
    });
  });

  it('p = 1 gives zeros and p = 0 returns the input', () => {
    tidy(() => {
      expect(new Dropout(1).call(ones([2, 3])).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
      const x = ones([3]);
      expect(new Dropout(0).call(x)).toBe(x);
    });
  });

  it('backpropagates through the mask (gradient = mask / (1 − p))', () => {
    tidy(() => {
      const fc = new Linear(1, 1, { bias: false });
      fc.loadStateDict({ weight: ones([1, 1]) });
      const drop = new Dropout(0.5, { generator: new Generator(3) });
      const model = new Sequential(fc, drop);
      const y = withGrad(() => {
        const out = model.call(ones([100, 1]));
        backward(sum(out));
        return out;
      });
      // d sum(mask·2·w) / dw = 2·(number kept) = sum(y) since every kept output is 2.
      expect(fc.weight.grad!.item()).toBeCloseTo(sum(y).item() as number, 5);
      model.dispose();
    });
  });
});

describe('Dropout in evaluation mode and validation', () => {
  it('returns the same tensor in eval mode, whatever p', () => {
    tidy(() => {
      const x = randn([4, 4]);
      const drop = new Dropout(0.9).eval();
      expect(drop.call(x)).toBe(x);
      expect(drop.training).toBe(false);
    });
  });

  it('has no parameters and leaks nothing', () => {
    const drop = new Dropout(0.3);
    expect(drop.stateDict()).toEqual({});
    const base = getBackend().numDataIds();
    tidy(() => {
      drop.call(ones([10, 10]));
    });
    expect(getBackend().numDataIds()).toBe(base);
  });

  it('validates p, options and inputs', () => {
    expectError(() => new Dropout(-0.1), ArgumentError, 'new Dropout');
    expectError(() => new Dropout(1.5), ArgumentError, 'new Dropout');
    expectError(() => new Dropout(Number.NaN), ArgumentError, 'new Dropout');
    expectError(() => new Dropout(0.5, { inplace: true } as never), ArgumentError, 'new Dropout');
    expectError(() => new Dropout(0.5, { generator: {} as Generator }), ArgumentError, 'new Dropout');
    tidy(() => expectError(() => new Dropout(0.5).call(zeros([2], { dtype: 'int32' })), DTypeError, 'Dropout.forward'));
  });
});

describe('functional dropout', () => {
  it('drops by default (training true), returns x when training is false', () => {
    tidy(() => {
      const x = ones([1000]);
      expect(dropout(x, { training: false })).toBe(x);
      const y = Array.from(dropout(x, { p: 0.25, generator: new Generator(5) }).dataSync());
      expect(y.every((v) => v === 0 || Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
      expect(y.filter((v) => v === 0).length).toBeGreaterThan(150);
      expectError(() => dropout(x, { p: 2 }), ArgumentError, 'dropout');
    });
  });
});
