// Linear and Bilinear: shapes, PyTorch state-dict keys, default initialisation, seeded reproducibility,
// validation errors naming the layer, dtype handling, hooks and leaks. (Numbers vs PyTorch: oracle-basic.)
import { backward } from '@nn/autograd';
import {
  ArgumentError,
  DTypeError,
  Generator,
  getBackend,
  manualSeed,
  ones,
  ShapeError,
  sum,
  tensor,
  tidy,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { bilinear, linear } from '../src/functional/index.js';
import { Bilinear, Linear, Sequential } from '../src/index.js';
import { expectError } from './support/errors.js';
import { withGrad } from './support/grad.js';

function values(t: Tensor): number[] {
  return Array.from(t.dataSync());
}

describe('Linear', () => {
  it('maps [*, in] to [*, out] for any number of leading dims', () => {
    tidy(() => {
      const fc = new Linear(4, 3);
      expect(fc.call(zeros([5, 4])).shape).toEqual([5, 3]);
      expect(fc.call(zeros([4])).shape).toEqual([3]);
      expect(fc.call(zeros([2, 3, 4])).shape).toEqual([2, 3, 3]);
      expect(fc.call(zeros([0, 4])).shape).toEqual([0, 3]);
      fc.dispose();
    });
  });

  it('computes x·Wᵀ + b', () => {
    tidy(() => {
      const fc = new Linear(2, 2);
      fc.loadStateDict({ weight: tensor([[1, 2], [3, 4]]), bias: tensor([10, 20]) });
      expect(fc.call(tensor([[1, 1], [0, 2]])).toArray()).toEqual([[13, 27], [14, 28]]);
      fc.dispose();
    });
  });

  it("has PyTorch's state-dict keys, shapes and order; bias false has no bias key", () => {
    const fc = new Linear(3, 2);
    expect(Object.entries(fc.stateDict()).map(([k, v]) => [k, v.shape])).toEqual([['weight', [2, 3]], ['bias', [2]]]);
    expect(fc.weight.name).toBe('weight');
    const noBias = new Linear(3, 2, { bias: false });
    expect(noBias.bias).toBeNull();
    expect(Object.keys(noBias.stateDict())).toEqual(['weight']);
    fc.dispose();
    noBias.dispose();
  });

  it('initialises weight and bias in U(−1/√in, 1/√in), spread over the range', () => {
    const fc = new Linear(16, 64, { generator: new Generator(5) });
    const bound = 1 / Math.sqrt(16);
    for (const v of [fc.weight, fc.bias!]) {
      const xs = values(v.value);
      expect(Math.max(...xs.map(Math.abs))).toBeLessThanOrEqual(bound);
      expect(Math.max(...xs)).toBeGreaterThan(0.8 * bound);
      expect(Math.min(...xs)).toBeLessThan(-0.8 * bound);
    }
    fc.dispose();
  });

  it('is reproducible from a generator or manualSeed, and draws different values otherwise', () => {
    const a = new Linear(3, 4, { generator: new Generator(7) });
    const b = new Linear(3, 4, { generator: new Generator(7) });
    const c = new Linear(3, 4, { generator: new Generator(8) });
    expect(values(a.weight.value)).toEqual(values(b.weight.value));
    expect(values(a.bias!.value)).toEqual(values(b.bias!.value));
    expect(values(a.weight.value)).not.toEqual(values(c.weight.value));
    manualSeed(3);
    const d = new Linear(3, 4);
    manualSeed(3);
    const e = new Linear(3, 4);
    expect(values(d.weight.value)).toEqual(values(e.weight.value));
    for (const m of [a, b, c, d, e]) m.dispose();
  });

  it('creates float64 parameters with dtype float64 and rejects inputs of another dtype', () => {
    const fc = new Linear(2, 2, { dtype: 'float64' });
    expect(fc.weight.dtype).toBe('float64');
    expect(fc.bias!.dtype).toBe('float64');
    tidy(() => {
      expect(fc.call(zeros([1, 2], { dtype: 'float64' })).dtype).toBe('float64');
      expectError(() => fc.call(zeros([1, 2])), DTypeError, 'Linear.forward');
      expectError(() => fc.call(zeros([1, 2], { dtype: 'int32' })), DTypeError, 'Linear.forward');
    });
    fc.dispose();
  });

  it('validates constructor arguments', () => {
    expectError(() => new Linear(-1, 2), ArgumentError, 'new Linear');
    expectError(() => new Linear(2.5, 2), ArgumentError, 'new Linear');
    expectError(() => new Linear(2, Number.NaN), ArgumentError, 'new Linear');
    expectError(() => new Linear(2, 2, { bias: 1 as unknown as boolean }), ArgumentError, 'new Linear');
    expectError(() => new Linear(2, 2, { dtype: 'int32' as 'float32' }), DTypeError, 'new Linear');
    expectError(() => new Linear(2, 2, { generator: 3 as unknown as Generator }), ArgumentError, 'new Linear');
    expectError(() => new Linear(2, 2, { biass: true } as never), ArgumentError, 'new Linear');
  });

  it('rejects a wrong feature size or a 0-D input with a ShapeError naming Linear.forward', () => {
    const fc = new Linear(4, 2);
    tidy(() => {
      expectError(() => fc.call(zeros([3, 5])), ShapeError, 'Linear.forward');
      expectError(() => fc.call(zeros([])), ShapeError, 'Linear.forward');
      expectError(() => fc.call('x' as unknown as Tensor), ArgumentError, 'Linear.forward');
    });
    fc.dispose();
  });

  it('backpropagates to weight, bias and input', () => {
    tidy(() => {
      const fc = new Linear(2, 1);
      fc.loadStateDict({ weight: tensor([[2, 3]]), bias: tensor([1]) });
      withGrad(() => backward(sum(fc.call(tensor([[1, 2], [3, 4]])))));
      expect(fc.weight.grad!.toArray()).toEqual([[4, 6]]);
      expect(fc.bias!.grad!.toArray()).toEqual([2]);
      fc.dispose();
    });
  });

  it('runs forward hooks, and a forward and backward pass leak nothing', () => {
    const fc = new Linear(3, 2);
    const seen: number[][] = [];
    const handle = fc.registerForwardHook((_m, _i, out) => void seen.push([...(out as Tensor).shape]));
    const base = getBackend().numDataIds();
    tidy(() => {
      withGrad(() => backward(sum(fc.call(ones([4, 3])))));
    });
    fc.zeroGrad();
    expect(getBackend().numDataIds()).toBe(base);
    handle.remove();
    expect(seen).toEqual([[4, 2]]);
    fc.dispose();
  });

  it('works inside Sequential with PyTorch keys', () => {
    const mlp = new Sequential(new Linear(2, 3), new Linear(3, 1, { bias: false }));
    expect(Object.keys(mlp.stateDict())).toEqual(['0.weight', '0.bias', '1.weight']);
    mlp.dispose();
  });
});

describe('functional linear', () => {
  it('matches x·Wᵀ + b and validates its operands', () => {
    tidy(() => {
      expect(linear(tensor([[1, 2]]), tensor([[1, 1], [2, 0]]), tensor([1, 1])).toArray()).toEqual([[4, 3]]);
      expect(linear(tensor([1, 2]), tensor([[1, 1]])).toArray()).toEqual([3]);
      expectError(() => linear(ones([2, 3]), ones([2, 2])), ShapeError, 'linear');
      expectError(() => linear(ones([2, 3]), ones([3])), ShapeError, 'linear');
      expectError(() => linear(ones([2, 3]), ones([2, 3]), ones([3])), ShapeError, 'linear');
      expectError(() => linear(ones([2, 3], { dtype: 'int32' }), ones([2, 3])), DTypeError, 'linear');
    });
  });
});

describe('Bilinear', () => {
  it('computes x1ᵀ·W[o]·x2 + b[o] for [*, in1] × [*, in2]', () => {
    tidy(() => {
      const layer = new Bilinear(2, 2, 2);
      layer.loadStateDict({ weight: tensor([[[1, 0], [0, 1]], [[0, 1], [0, 0]]]), bias: tensor([0, 5]) });
      // o = 0: x1·x2; o = 1: x1[0]·x2[1] + 5
      expect(layer.call(tensor([[1, 2]]), tensor([[3, 4]])).toArray()).toEqual([[11, 9]]);
      expect(layer.call(ones([2, 3, 2]), ones([2, 3, 2])).shape).toEqual([2, 3, 2]);
      expect(layer.call(ones([2]), ones([2])).shape).toEqual([2]);
      layer.dispose();
    });
  });

  it("has PyTorch's keys and initialisation bound 1/√in1", () => {
    const layer = new Bilinear(4, 9, 3, { generator: new Generator(1) });
    expect(Object.entries(layer.stateDict()).map(([k, v]) => [k, v.shape])).toEqual([['weight', [3, 4, 9]], ['bias', [3]]]);
    expect(Math.max(...values(layer.weight.value).map(Math.abs))).toBeLessThanOrEqual(0.5);
    expect(Math.max(...values(layer.weight.value).map(Math.abs))).toBeGreaterThan(0.4);
    expect(Object.keys(new Bilinear(1, 1, 1, { bias: false }).stateDict())).toEqual(['weight']);
    layer.dispose();
  });

  it('rejects mismatched inputs and bad arguments', () => {
    const layer = new Bilinear(2, 3, 1);
    tidy(() => {
      expectError(() => layer.call(ones([4, 2]), ones([4, 2])), ShapeError, 'Bilinear.forward');
      expectError(() => layer.call(ones([4, 3]), ones([4, 3])), ShapeError, 'Bilinear.forward');
      expectError(() => layer.call(ones([4, 2]), ones([5, 3])), ShapeError, 'Bilinear.forward');
      expectError(() => layer.call(ones([4, 2]), ones([1, 4, 3])), ShapeError, 'Bilinear.forward');
      expectError(() => bilinear(ones([4, 2]), ones([4, 3]), ones([1, 2])), ShapeError, 'bilinear');
    });
    expectError(() => new Bilinear(0, 2, 1), ArgumentError, 'new Bilinear');
    layer.dispose();
  });
});
