// Gradient clipping beyond the PyTorch fixtures: non-finite norms, missing gradients, memory.
import { ArgumentError, getBackend, tensor, Variable, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { clipGradNorm, clipGradValue } from '../src/index.js';

function withGrad(values: number[]): Variable {
  const v = new Variable(zeros([values.length]));
  v.grad = tensor(values);
  return v;
}

describe('clipGradNorm', () => {
  it('returns 0 and does nothing when no Variable has a gradient', () => {
    const v = new Variable(zeros([2]));
    expect(clipGradNorm([v], 1)).toBe(0);
    expect(clipGradNorm([], 1)).toBe(0);
    expect(v.grad).toBeNull();
    v.dispose();
  });

  it('leaves gradients (the same tensors) alone when the norm is within maxNorm', () => {
    const v = withGrad([3, 4]);
    const g = v.grad;
    expect(clipGradNorm([v], 5.01)).toBe(5);
    expect(v.grad).toBe(g);
    v.dispose();
  });

  it('scales by maxNorm / (norm + 1e-6), as PyTorch', () => {
    const v = withGrad([3, 4]);
    clipGradNorm([v], 1);
    const [a, b] = v.grad!.dataSync();
    expect(a).toBeCloseTo((3 * 1) / (5 + 1e-6), 7);
    expect(b).toBeCloseTo((4 * 1) / (5 + 1e-6), 7);
    v.dispose();
  });

  it('scales by a non-finite norm, or throws with errorIfNonfinite (changing nothing)', () => {
    const a = withGrad([Infinity, 1]);
    const b = withGrad([2, 3]);
    const before = a.grad;
    expect(() => clipGradNorm([a, b], 1, { errorIfNonfinite: true })).toThrow(ArgumentError);
    expect(a.grad).toBe(before);
    expect(clipGradNorm([a, b], 1)).toBe(Infinity);
    expect(a.grad!.toArray()).toEqual([NaN, 0]); // ∞·0 and 1·0, as PyTorch
    expect(b.grad!.toArray()).toEqual([0, 0]);
    const c = withGrad([NaN, 1]);
    expect(clipGradNorm([c], 1, { normType: 'inf' })).toBeNaN();
    expect(c.grad!.toArray()).toEqual([NaN, NaN]);
    for (const v of [a, b, c]) v.dispose();
  });

  it('takes a single Variable; skips empty gradients for the inf-norm', () => {
    const v = withGrad([-6, 2]);
    const empty = withGrad([]);
    expect(clipGradNorm(v as never, 1, { normType: Infinity })).toBe(6);
    expect(clipGradNorm([v, empty], 10, { normType: 'inf' })).toBeCloseTo(1, 5);
    v.dispose();
    empty.dispose();
  });

  it('frees the gradients it replaces', () => {
    const vars = [withGrad([30, 40]), withGrad([1]), new Variable(zeros([3]))];
    const before = getBackend().numDataIds();
    for (let i = 0; i < 3; i++) {
      clipGradNorm(vars, 1);
      clipGradValue(vars, 0.1);
    }
    expect(getBackend().numDataIds()).toBe(before);
    for (const v of vars) v.dispose();
  });
});

describe('clipGradValue', () => {
  it('clamps into [−c, c] and skips Variables without a gradient', () => {
    const a = withGrad([-3, 0.25, NaN, 2]);
    const b = new Variable(zeros([1]));
    clipGradValue([a, b], 0.5);
    expect(a.grad!.toArray()).toEqual([-0.5, 0.25, NaN, 0.5]);
    expect(b.grad).toBeNull();
    clipGradValue([a], 0);
    expect(a.grad!.toArray()).toEqual([-0, 0, NaN, 0]);
    a.dispose();
    b.dispose();
  });
});
