// BatchNorm1d / BatchNorm2d and LayerNorm: train/eval behaviour, running statistics (momentum, cumulative
// average), PyTorch keys with and without affine / trackRunningStats, loading PyTorch state, validation, and
// the functional forms (batchNorm, batchNormWithStats, updateRunningStats, layerNorm).
import { backward } from '@nn/autograd';
import {
  ArgumentError,
  DTypeError,
  getBackend,
  ones,
  randn,
  scalar,
  ShapeError,
  sum,
  tensor,
  tidy,
  zeros,
  Generator,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { batchNorm, batchNormWithStats, layerNorm, updateRunningStats } from '../src/functional/index.js';
import { BatchNorm1d, BatchNorm2d, LayerNorm, Sequential, Linear } from '../src/index.js';
import { expectError } from './support/errors.js';
import { withGrad } from './support/grad.js';

function approx(t: Tensor | number[], want: number[], tol = 1e-5): void {
  const got = Array.isArray(t) ? t : Array.from(t.dataSync());
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(tol));
}

describe('BatchNorm1d', () => {
  it("has PyTorch's state: weight, bias, running_mean, running_var, num_batches_tracked (int32 here)", () => {
    const bn = new BatchNorm1d(3);
    const sd = bn.stateDict();
    expect(Object.entries(sd).map(([k, v]) => [k, v.shape, v.dtype])).toEqual([
      ['weight', [3], 'float32'],
      ['bias', [3], 'float32'],
      ['running_mean', [3], 'float32'],
      ['running_var', [3], 'float32'],
      ['num_batches_tracked', [], 'int32'],
    ]);
    expect(bn.namedParameters().map(([k]) => k)).toEqual(['weight', 'bias']);
    expect(bn.namedBuffers().map(([k]) => k)).toEqual(['running_mean', 'running_var', 'num_batches_tracked']);
    approx(sd.weight!, [1, 1, 1]);
    approx(sd.running_var!, [1, 1, 1]);
    expect(Object.keys(new BatchNorm1d(2, { affine: false }).stateDict())).toEqual(['running_mean', 'running_var', 'num_batches_tracked']);
    expect(Object.keys(new BatchNorm1d(2, { trackRunningStats: false }).stateDict())).toEqual(['weight', 'bias']);
    bn.dispose();
  });

  it('normalises with batch statistics in training and updates the running ones (unbiased variance)', () => {
    tidy(() => {
      const bn = new BatchNorm1d(2, { momentum: 0.5 });
      const x = tensor([[1, 10], [3, 30], [5, 50]]);
      const y = bn.call(x);
      // per channel: mean 3 / 30, biased var 8/3 / 800/3
      approx(y, [-1, -1, 0, 0, 1, 1].map((v) => v * Math.sqrt(3 / 2) * Math.sqrt(8 / 3 / (8 / 3 + 1e-5))), 1e-5);
      approx(bn.runningMean!.value, [1.5, 15]);
      approx(bn.runningVar!.value, [0.5 + 0.5 * 4, 0.5 + 0.5 * 400], 1e-4); // unbiased: 4 and 400
      expect(bn.numBatchesTracked!.value.item()).toBe(1);
      bn.call(x);
      expect(bn.numBatchesTracked!.value.item()).toBe(2);
      approx(bn.runningMean!.value, [2.25, 22.5]);
      bn.dispose();
    });
  });

  it('uses the running statistics in evaluation mode and leaves them unchanged', () => {
    tidy(() => {
      const bn = new BatchNorm1d(2, { eps: 0 });
      bn.loadStateDict({
        weight: tensor([2, 1]),
        bias: tensor([0, 1]),
        running_mean: tensor([1, -1]),
        running_var: tensor([4, 1]),
        num_batches_tracked: scalar(7, { dtype: 'int32' }),
      });
      bn.eval();
      expect(bn.call(tensor([[3, 0]])).toArray()).toEqual([[2, 2]]); // one sample is fine in eval mode
      expect(bn.runningMean!.value.toArray()).toEqual([1, -1]);
      expect(bn.numBatchesTracked!.value.item()).toBe(7);
      bn.dispose();
    });
  });

  it('momentum null keeps a cumulative average of the batches', () => {
    tidy(() => {
      const bn = new BatchNorm1d(1, { momentum: null });
      for (const batch of [[0, 2], [4, 6], [8, 10]]) bn.call(tensor(batch.map((v) => [v])));
      approx(bn.runningMean!.value, [(1 + 5 + 9) / 3]); // the mean of the three batch means
      approx(bn.runningVar!.value, [2]); // each unbiased batch variance is 2
      expect(bn.numBatchesTracked!.value.item()).toBe(3);
      bn.dispose();
    });
  });

  it('without running statistics uses batch statistics in both modes', () => {
    tidy(() => {
      const bn = new BatchNorm1d(1, { trackRunningStats: false, affine: false, eps: 0 });
      expect(bn.runningMean).toBeNull();
      expect(bn.eval().call(tensor([[1], [3]])).toArray()).toEqual([[-1], [1]]);
      bn.dispose();
    });
  });

  it('accepts [N, C, L], statistics over N·L', () => {
    tidy(() => {
      const bn = new BatchNorm1d(2, { affine: false, eps: 0, momentum: 1 });
      const y = bn.call(tensor([[[1, 3], [0, 0]], [[1, 3], [2, 2]]]));
      approx(y, [-1, 1, -1, -1, -1, 1, 1, 1]);
      approx(bn.runningMean!.value, [2, 1]);
      approx(bn.runningVar!.value, [4 / 3, 4 / 3]);
      bn.dispose();
    });
  });

  it('rejects one value per channel in training, wrong ranks, channels and dtypes', () => {
    const bn = new BatchNorm1d(3);
    tidy(() => {
      expectError(() => bn.call(zeros([1, 3])), ShapeError, 'BatchNorm1d.forward');
      expectError(() => bn.call(zeros([1, 3, 1])), ShapeError, 'BatchNorm1d.forward');
      expectError(() => bn.call(zeros([3])), ShapeError, 'BatchNorm1d.forward');
      expectError(() => bn.call(zeros([2, 3, 4, 5])), ShapeError, 'BatchNorm1d.forward');
      expectError(() => bn.call(zeros([2, 4])), ShapeError, 'BatchNorm1d.forward');
      expectError(() => bn.call(zeros([2, 3], { dtype: 'float64' })), DTypeError, 'BatchNorm1d.forward');
      expect(bn.numBatchesTracked!.value.item()).toBe(0); // failed calls change nothing
    });
    expectError(() => new BatchNorm1d(0), ArgumentError, 'new BatchNorm1d');
    expectError(() => new BatchNorm1d(2, { momentum: 2 }), ArgumentError, 'new BatchNorm1d');
    expectError(() => new BatchNorm1d(2, { eps: -1 }), ArgumentError, 'new BatchNorm1d');
    expectError(() => new BatchNorm1d(2, { affine: 'yes' as unknown as boolean }), ArgumentError, 'new BatchNorm1d');
    expectError(() => new BatchNorm2d(2, { track: false } as never), ArgumentError, 'new BatchNorm2d');
    bn.dispose();
  });

  it("to('float64') converts parameters and running stats but keeps num_batches_tracked int32", () => {
    const bn = new BatchNorm1d(2).to('float64');
    expect(bn.buffers().map((b) => b.dtype)).toEqual(['float64', 'float64', 'int32']);
    tidy(() => {
      expect(bn.call(randn([4, 2], { dtype: 'float64' })).dtype).toBe('float64');
    });
    bn.dispose();
  });

  it('gradients flow to input, weight and bias but not to the running statistics; nothing leaks', () => {
    const bn = new BatchNorm1d(2);
    const base = getBackend().numDataIds();
    tidy(() => {
      withGrad(() => backward(sum(bn.call(randn([5, 2], { generator: new Generator(1) })))));
    });
    expect(bn.weight!.grad?.shape).toEqual([2]);
    expect(bn.bias!.grad?.toArray()).toEqual([5, 5]);
    expect(bn.runningMean!.grad).toBeNull();
    bn.zeroGrad();
    expect(getBackend().numDataIds()).toBe(base);
    bn.dispose();
  });
});

describe('BatchNorm2d', () => {
  it('normalises per channel over N·H·W and switches with train()/eval()', () => {
    tidy(() => {
      const bn = new BatchNorm2d(2, { eps: 0, momentum: 1 });
      const x = tensor([[[[1, 3]], [[10, 10]]], [[[5, 7]], [[20, 20]]]]); // [2, 2, 1, 2]
      approx(bn.call(x), [-1.3416408, -0.4472136, -1, -1, 0.4472136, 1.3416408, 1, 1]);
      approx(bn.runningMean!.value, [4, 15]);
      approx(bn.runningVar!.value, [20 / 3, 100 / 3], 1e-4);
      bn.eval();
      const [s0, s1] = [Math.sqrt(20 / 3), Math.sqrt(100 / 3)]; // (x − running mean) / √running var
      approx(bn.call(x), [-3 / s0, -1 / s0, -5 / s1, -5 / s1, 1 / s0, 3 / s0, 5 / s1, 5 / s1]);
      bn.dispose();
    });
  });

  it('accepts only [N, C, H, W]', () => {
    const bn = new BatchNorm2d(3);
    tidy(() => {
      expectError(() => bn.call(zeros([3, 4, 4])), ShapeError, 'BatchNorm2d.forward');
      expectError(() => bn.call(zeros([2, 4, 4, 4])), ShapeError, 'BatchNorm2d.forward');
    });
    bn.dispose();
  });

  it('sits in a model and round-trips its state dict', () => {
    const a = new Sequential(new Linear(3, 4), new BatchNorm1d(4));
    tidy(() => {
      a.call(randn([6, 3]));
    });
    const b = new Sequential(new Linear(3, 4), new BatchNorm1d(4));
    b.loadStateDict(a.stateDict());
    expect(Object.keys(b.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked']);
    expect(Array.from(b.stateDict()['1.running_mean']!.dataSync())).toEqual(Array.from(a.stateDict()['1.running_mean']!.dataSync()));
    expect(b.stateDict()['1.num_batches_tracked']!.item()).toBe(1);
    a.dispose();
    b.dispose();
  });
});

describe('functional batch normalisation', () => {
  it('batchNorm uses batch stats when training or without running stats, running stats otherwise', () => {
    tidy(() => {
      const x = tensor([[1, 10], [3, 30]]);
      approx(batchNorm(x, null, null, { eps: 0 }), [-1, -1, 1, 1]);
      approx(batchNorm(x, tensor([0, 0]), tensor([1, 100]), { eps: 0 }), [1, 1, 3, 3]);
      approx(batchNorm(x, tensor([0, 0]), tensor([1, 100]), { eps: 0, training: true, weight: tensor([2, 1]), bias: tensor([0, 1]) }), [-2, 0, 2, 2]);
      expectError(() => batchNorm(x, tensor([0, 0]), null), ArgumentError, 'batchNorm');
      expectError(() => batchNorm(x, tensor([0]), tensor([1])), ShapeError, 'batchNorm');
      expectError(() => batchNorm(x, null, null, { momentum: 0.1 } as never), ArgumentError, 'batchNorm');
      expectError(() => batchNorm(ones([1, 2]), null, null), ShapeError, 'batchNormWithStats');
    });
  });

  it('batchNormWithStats returns the batch mean and biased variance; updateRunningStats blends them', () => {
    tidy(() => {
      const { mean, variance, count } = batchNormWithStats(tensor([[0, 1], [2, 1], [4, 1]]));
      approx(mean, [2, 1]);
      approx(variance, [8 / 3, 0]);
      expect(count).toBe(3);
      const next = updateRunningStats(tensor([0, 0]), tensor([1, 1]), mean, variance, { momentum: 0.1, count });
      approx(next.runningMean, [0.2, 0.1]);
      approx(next.runningVar, [0.9 + 0.1 * 4, 0.9]);
      expectError(() => updateRunningStats(tensor([0]), tensor([1]), mean, variance, { count: 3 }), ShapeError, 'updateRunningStats');
      expectError(() => updateRunningStats(tensor([0, 0]), tensor([1, 1]), mean, variance, { count: 1 }), ArgumentError, 'updateRunningStats');
    });
  });
});

describe('LayerNorm', () => {
  it('normalises each sample over the trailing dims, the same in train and eval', () => {
    tidy(() => {
      const norm = new LayerNorm(4, { eps: 0 });
      const x = tensor([[1, 2, 3, 4], [2, 2, 2, 6]]);
      const s = Math.sqrt(1.25);
      approx(norm.call(x), [-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s, -1 / Math.sqrt(3), -1 / Math.sqrt(3), -1 / Math.sqrt(3), Math.sqrt(3)]);
      approx(norm.eval().call(x), Array.from(norm.train().call(x).dataSync()));
      const two = new LayerNorm([2, 2], { eps: 0 });
      approx(two.call(tensor([[[1, 2], [3, 4]]])), [-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s]);
      norm.dispose();
      two.dispose();
    });
  });

  it("has PyTorch's keys; elementwiseAffine false has none; bias false only a weight", () => {
    const norm = new LayerNorm([2, 3]);
    expect(Object.entries(norm.stateDict()).map(([k, v]) => [k, v.shape])).toEqual([['weight', [2, 3]], ['bias', [2, 3]]]);
    expect(new LayerNorm(3, { elementwiseAffine: false }).stateDict()).toEqual({});
    expect(Object.keys(new LayerNorm(3, { bias: false }).stateDict())).toEqual(['weight']);
    norm.dispose();
  });

  it('validates shapes and arguments', () => {
    const norm = new LayerNorm([2, 3]);
    tidy(() => {
      expectError(() => norm.call(zeros([4, 3, 2])), ShapeError, 'LayerNorm.forward');
      expectError(() => norm.call(zeros([3])), ShapeError, 'LayerNorm.forward');
      expectError(() => norm.call(zeros([2, 3], { dtype: 'float64' })), DTypeError, 'LayerNorm.forward');
      expectError(() => layerNorm(zeros([2, 3]), [3], { weight: ones([2]) }), ShapeError, 'layerNorm');
      expectError(() => layerNorm(zeros([2, 3]), []), ArgumentError, 'layerNorm');
    });
    expectError(() => new LayerNorm(0), ArgumentError, 'new LayerNorm');
    expectError(() => new LayerNorm([2, 1.5]), ArgumentError, 'new LayerNorm');
    expectError(() => new LayerNorm(3, { eps: Number.NaN }), ArgumentError, 'new LayerNorm');
    norm.dispose();
  });
});
