// MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, Flatten and Unflatten: values, shapes (batched and unbatched),
// no parameters, validation errors naming the layer.
import { ArgumentError, DTypeError, IndexError, ones, reshape, arange, ShapeError, tensor, tidy, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { AdaptiveAvgPool2d, AvgPool2d, Conv2d, Flatten, Linear, MaxPool2d, Sequential, Unflatten } from '../src/index.js';
import { expectError } from './support/errors.js';

describe('MaxPool2d', () => {
  it('takes window maxima with stride = kernel by default', () => {
    tidy(() => {
      const x = reshape(arange(16, { dtype: 'float32' }), [1, 1, 4, 4]);
      expect(new MaxPool2d(2).call(x).toArray()).toEqual([[[[5, 7], [13, 15]]]]);
      expect(new MaxPool2d(3, { stride: 1 }).call(x).toArray()).toEqual([[[[10, 11], [14, 15]]]]);
      expect(new MaxPool2d(2, { stride: 2, padding: 1 }).call(x).toArray()).toEqual([[[[0, 2, 3], [8, 10, 11], [12, 14, 15]]]]);
      expect(new MaxPool2d(2, { dilation: 2, stride: 1 }).call(x).shape).toEqual([1, 1, 2, 2]);
      expect(new MaxPool2d(3, { ceilMode: true }).call(zeros([2, 3, 7, 7])).shape).toEqual([2, 3, 3, 3]);
      expect(new MaxPool2d([1, 2]).call(zeros([3, 4, 4])).shape).toEqual([3, 4, 2]);
    });
  });

  it('has no state and records its geometry', () => {
    const pool = new MaxPool2d(3, { stride: 2, padding: 1 });
    expect(pool.parameters()).toEqual([]);
    expect(pool.stateDict()).toEqual({});
    expect([pool.kernelSize, pool.stride, pool.padding, pool.dilation, pool.ceilMode]).toEqual([[3, 3], [2, 2], [1, 1], [1, 1], false]);
    expect(new MaxPool2d(2, { stride: null }).stride).toEqual([2, 2]);
  });

  it('validates arguments and inputs', () => {
    expectError(() => new MaxPool2d(0), ArgumentError, 'new MaxPool2d');
    expectError(() => new MaxPool2d(2, { padding: 2 }), ArgumentError, 'new MaxPool2d');
    expectError(() => new MaxPool2d(2, { ceilMode: 1 as unknown as boolean }), ArgumentError, 'new MaxPool2d');
    expectError(() => new MaxPool2d(2, { returnIndices: true } as never), ArgumentError, 'new MaxPool2d');
    tidy(() => {
      expectError(() => new MaxPool2d(2).call(zeros([4, 4])), ShapeError, 'MaxPool2d.forward');
      expectError(() => new MaxPool2d(3).call(zeros([1, 1, 2, 5])), ShapeError, 'MaxPool2d.forward');
    });
  });
});

describe('AvgPool2d', () => {
  it('averages windows, with or without the padding in the divisor', () => {
    tidy(() => {
      const x = reshape(arange(16, { dtype: 'float32' }), [1, 1, 4, 4]);
      expect(new AvgPool2d(2).call(x).toArray()).toEqual([[[[2.5, 4.5], [10.5, 12.5]]]]);
      const withPad = new AvgPool2d(3, { stride: 3, padding: 1 }).call(ones([1, 1, 3, 3]));
      expect(withPad.shape).toEqual([1, 1, 1, 1]);
      expect(withPad.item()).toBeCloseTo(4 / 9, 6); // 4 of the 9 window cells are inside the input
      const withoutPad = new AvgPool2d(3, { stride: 3, padding: 1, countIncludePad: false }).call(ones([1, 1, 3, 3]));
      expect(withoutPad.toArray()).toEqual([[[[1]]]]);
      expect(new AvgPool2d(2, { ceilMode: true }).call(zeros([3, 5, 5])).shape).toEqual([3, 3, 3]);
    });
  });

  it('validates arguments and inputs', () => {
    expectError(() => new AvgPool2d(2, { divisorOverride: 3 } as never), ArgumentError, 'new AvgPool2d');
    expectError(() => new AvgPool2d(2, { countIncludePad: 'no' as unknown as boolean }), ArgumentError, 'new AvgPool2d');
    expectError(() => new AvgPool2d(3, { padding: 2 }), ArgumentError, 'new AvgPool2d');
    tidy(() => {
      expectError(() => new AvgPool2d(2).call(zeros([1, 1, 1, 1])), ShapeError, 'AvgPool2d.forward');
      expectError(() => new AvgPool2d(2).call(zeros([1, 1, 4, 4], { dtype: 'int32' })), DTypeError, 'AvgPool2d.forward');
    });
  });
});

describe('AdaptiveAvgPool2d', () => {
  it('pools to a fixed size whatever the input size, null keeping a dim', () => {
    tidy(() => {
      const gap = new AdaptiveAvgPool2d(1);
      expect(gap.call(ones([2, 3, 7, 5])).shape).toEqual([2, 3, 1, 1]);
      expect(gap.call(ones([2, 3, 2, 9])).shape).toEqual([2, 3, 1, 1]);
      expect(new AdaptiveAvgPool2d([1, 2]).call(tensor([[[1, 2, 3], [4, 5, 6]]])).toArray()).toEqual([[[3, 4]]]);
      expect(new AdaptiveAvgPool2d([null, 2]).call(ones([1, 1, 5, 4])).shape).toEqual([1, 1, 5, 2]);
      expect(new AdaptiveAvgPool2d([3, 4]).outputSize).toEqual([3, 4]);
    });
  });

  it('validates its size and inputs', () => {
    expectError(() => new AdaptiveAvgPool2d(0), ArgumentError, 'new AdaptiveAvgPool2d');
    expectError(() => new AdaptiveAvgPool2d([1, 2, 3] as unknown as number), ArgumentError, 'new AdaptiveAvgPool2d');
    tidy(() => {
      expectError(() => new AdaptiveAvgPool2d(2).call(ones([4, 4])), ShapeError, 'AdaptiveAvgPool2d.forward');
      expectError(() => new AdaptiveAvgPool2d(2).call(ones([1, 4, 4], { dtype: 'int32' })), DTypeError, 'AdaptiveAvgPool2d.forward');
    });
  });
});

describe('Flatten and Unflatten', () => {
  it('flattens from dim 1 by default, any dims on request', () => {
    tidy(() => {
      expect(new Flatten().call(zeros([2, 3, 4, 5])).shape).toEqual([2, 60]);
      expect(new Flatten(0).call(zeros([2, 3])).shape).toEqual([6]);
      expect(new Flatten(-3, -2).call(zeros([2, 3, 4, 5])).shape).toEqual([2, 12, 5]);
      expect(new Flatten().call(zeros([4, 1])).shape).toEqual([4, 1]);
      const x = tensor([[[1, 2], [3, 4]]]);
      expect(new Flatten().call(x).toArray()).toEqual([[1, 2, 3, 4]]);
    });
  });

  it('unflattens one dim, inferring a −1', () => {
    tidy(() => {
      expect(new Unflatten(1, [3, 4]).call(zeros([2, 12])).shape).toEqual([2, 3, 4]);
      expect(new Unflatten(-1, [2, -1]).call(zeros([5, 6])).shape).toEqual([5, 2, 3]);
      expect(new Unflatten(0, [1, 2]).call(tensor([7, 8])).toArray()).toEqual([[7, 8]]);
    });
  });

  it('round-trips a CNN head: Flatten then Unflatten restores the shape', () => {
    tidy(() => {
      const seq = new Sequential(new Conv2d(1, 2, 3, { padding: 1 }), new Flatten(), new Unflatten(1, [2, 4, 4]));
      expect(seq.call(zeros([3, 1, 4, 4])).shape).toEqual([3, 2, 4, 4]);
      const head = new Sequential(new Conv2d(1, 2, 3), new AdaptiveAvgPool2d(1), new Flatten(), new Linear(2, 5));
      expect(head.call(zeros([3, 1, 6, 6])).shape).toEqual([3, 5]);
      seq.dispose();
      head.dispose();
    });
  });

  it('validates arguments and inputs', () => {
    expectError(() => new Flatten(0.5), ArgumentError, 'new Flatten');
    expectError(() => new Unflatten(1, []), ArgumentError, 'new Unflatten');
    expectError(() => new Unflatten(1, [-1, -1]), ArgumentError, 'new Unflatten');
    expectError(() => new Unflatten(1, [2, -2]), ArgumentError, 'new Unflatten');
    tidy(() => {
      expectError(() => new Flatten(2).call(zeros([2, 3])), IndexError, 'Flatten.forward');
      expectError(() => new Flatten(1, 0).call(zeros([2, 3])), ArgumentError, 'Flatten.forward');
      expectError(() => new Unflatten(1, [5, 5]).call(zeros([2, 12])), ShapeError, 'Unflatten.forward');
      expectError(() => new Unflatten(1, [5, -1]).call(zeros([2, 12])), ShapeError, 'Unflatten.forward');
      expectError(() => new Unflatten(2, [1]).call(zeros([2, 12])), IndexError, 'Unflatten.forward');
    });
  });
});
