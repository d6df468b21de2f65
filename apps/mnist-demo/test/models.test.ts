import { Conv2d, Linear } from '@nn/layers';
import { Generator, getBackend, tidy, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { buildModel, cnn, mlp, parameterCount } from '../src/models.js';

describe('models', () => {
  it('the MLP is 784 → 128 → 64 → 10 with 109,386 parameters and PyTorch keys', () => {
    const m = mlp();
    expect(parameterCount(m)).toBe(109_386);
    const shapes = Object.fromEntries(Object.entries(m.stateDict()).map(([k, t]) => [k, t.shape]));
    expect(shapes).toEqual({
      '1.weight': [128, 784], '1.bias': [128],
      '3.weight': [64, 128], '3.bias': [64],
      '5.weight': [10, 64], '5.bias': [10],
    });
    expect(tidy(() => m.call(zeros([3, 1, 28, 28])).shape)).toEqual([3, 10]);
    m.dispose();
  });

  it('the CNN is conv 8 → pool → conv 16 → pool → fc with 9,098 parameters', () => {
    const m = cnn();
    expect(parameterCount(m)).toBe(80 + 1_168 + 7_850);
    expect(parameterCount(m)).toBe(9_098);
    const shapes = Object.fromEntries(Object.entries(m.stateDict()).map(([k, t]) => [k, t.shape]));
    expect(shapes).toEqual({
      '0.weight': [8, 1, 3, 3], '0.bias': [8],
      '3.weight': [16, 8, 3, 3], '3.bias': [16],
      '7.weight': [10, 784], '7.bias': [10],
    });
    expect(m.at(0)).toBeInstanceOf(Conv2d);
    expect(m.at(7)).toBeInstanceOf(Linear);
    expect(tidy(() => m.call(zeros([2, 1, 28, 28])).shape)).toEqual([2, 10]);
    m.dispose();
  });

  it('the same seed gives the same weights; forward passes do not leak', () => {
    for (const kind of ['mlp', 'cnn'] as const) {
      const a = buildModel(kind, new Generator(7));
      const b = buildModel(kind, new Generator(7));
      const c = buildModel(kind, new Generator(8));
      const flat = (m: typeof a): number[] => m.parameters().flatMap((p) => Array.from(p.value.dataSync()));
      expect(flat(a)).toEqual(flat(b));
      expect(flat(a)).not.toEqual(flat(c));
      const x = zeros([4, 1, 28, 28]);
      const before = getBackend().numDataIds();
      tidy(() => {
        a.call(x);
      });
      expect(getBackend().numDataIds()).toBe(before);
      x.dispose();
      for (const m of [a, b, c]) m.dispose();
    }
  });
});
