// The activation modules and functions beyond the PyTorch oracle: hyper-parameter checks, the gradient
// conventions at kinks (PyTorch 1.13's values, checked with torch.autograd), dtypes, the re-exports, memory.
import { grad } from '@nn/autograd';
import * as tensorApi from '@nn/tensor';
import {
  ArgumentError,
  DTypeError,
  getBackend,
  IndexError,
  ShapeError,
  tensor,
  tidy,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  ELU,
  GELU,
  GLU,
  Hardsigmoid,
  Hardswish,
  Hardtanh,
  LeakyReLU,
  LogSigmoid,
  LogSoftmax,
  Mish,
  PReLU,
  ReLU,
  ReLU6,
  SELU,
  Sigmoid,
  SiLU,
  Softmax,
  Softplus,
  Softsign,
  Tanh,
} from '../src/activations/index.js';
import * as F from '../src/functional/activations/index.js';
import type { Module } from '../src/module/module.js';
import { expectError } from './support/errors.js';

/** d sum(f(x)) / dx at `values`, in float64. */
function slopes(f: (x: Tensor) => Tensor, values: number[]): number[] {
  return tidy(() => {
    const g = grad((x: Tensor) => tensorApi.sum(f(x)))(tensor(values, { dtype: 'float64' }));
    return Array.from(g.dataSync());
  });
}

describe('activation functions', () => {
  it('re-exports the @nn/tensor activations themselves (one source of truth)', () => {
    for (const name of [
      'relu',
      'leakyRelu',
      'elu',
      'gelu',
      'silu',
      'sigmoid',
      'tanh',
      'softplus',
      'softmax',
      'logSoftmax',
    ] as const) {
      expect(F[name]).toBe(tensorApi[name]);
    }
  });

  it('take PyTorch 1.13 gradients at the kinks', () => {
    expect(slopes((x) => F.relu(x), [0])).toEqual([0]);
    expect(slopes((x) => F.leakyRelu(x, 0.2), [0])).toEqual([0.2]);
    expect(slopes((x) => F.elu(x), [0])).toEqual([1]);
    expect(slopes((x) => F.hardtanh(x), [-1, 1, 0.5])).toEqual([0, 0, 1]);
    expect(slopes((x) => F.hardtanh(x, -2, 3), [-2, 3, -2.5, 3.5])).toEqual([0, 0, 0, 0]);
    expect(slopes((x) => F.relu6(x), [0, 6, 3])).toEqual([0, 0, 1]);
    expect(slopes((x) => F.hardsigmoid(x), [-3, 3, 0])).toEqual([0, 0, 1 / 6]);
    expect(slopes((x) => F.hardswish(x), [-3, 3, -4, 4])).toEqual([-0.5, 1.5, 0, 1]);
    expect(slopes((x) => F.logSigmoid(x), [0])).toEqual([0.5]);
    expect(slopes((x) => F.softsign(x), [0])).toEqual([1]);
    expect(slopes((x) => F.prelu(x, tensor([0.25], { dtype: 'float64' })), [0])).toEqual([0.25]);
    const [selu0] = slopes((x) => F.selu(x), [0]);
    expect(selu0).toBeCloseTo(1.758099, 6);
  });

  it('values at the kinks and far out are exact', () => {
    expect(F.hardtanh(tensor([-1, 1, -7, 7])).toArray()).toEqual([-1, 1, -1, 1]);
    expect(F.hardswish(tensor([-3, 3])).toArray()).toEqual([-0, 3]); // −3·0/6, as PyTorch
    expect(F.hardsigmoid(tensor([-3, 3])).toArray()).toEqual([0, 1]);
    expect(F.logSigmoid(tensor([-1e4, 1e4])).toArray()).toEqual([-1e4, 0]);
    expect(F.mish(tensor([-1e4, 1e4])).toArray()).toEqual([-0, 1e4]);
    expect(F.softsign(tensor([Infinity, -Infinity])).toArray()).toEqual([NaN, NaN]); // ∞/(1 + ∞), as PyTorch
    expect(F.hardtanh(tensor([NaN])).toArray()).toEqual([NaN]);
  });

  it('compute integer inputs in float32 and keep float64', () => {
    const i = tensor([-4, 0, 5], { dtype: 'int32' });
    for (const f of [F.logSigmoid, F.hardtanh, F.relu6, F.hardsigmoid, F.hardswish, F.selu, F.mish, F.softsign]) {
      expect(f(i).dtype).toBe('float32');
      expect(f(tensor([1], { dtype: 'float64' })).dtype).toBe('float64');
    }
    expect(F.relu6(i).toArray()).toEqual([0, 0, 5]);
  });

  it('validate their arguments', () => {
    expect(() => F.hardtanh(tensor([1]), 1, 1)).toThrow(ArgumentError);
    expect(() => F.hardtanh(tensor([1]), NaN)).toThrow(ArgumentError);
    expect(() => F.logSigmoid([1] as never)).toThrow(ArgumentError);
    expect(() => F.glu(tensor([1, 2, 3]))).toThrow(ShapeError);
    expect(() => F.glu(tensor(1))).toThrow(ShapeError);
    expect(() => F.glu(zeros([2, 2]), 2)).toThrow(IndexError);
    expect(() => F.glu(zeros([2, 2]), 0.5)).toThrow(ArgumentError);
    expect(() => F.prelu(zeros([2, 3]), tensor([1, 2]))).toThrow(ShapeError);
    expect(() => F.prelu(zeros([2, 3]), zeros([3, 1]))).toThrow(ShapeError);
    expect(() => F.prelu(zeros([2, 3]), tensor([1], { dtype: 'int32' }))).toThrow(DTypeError);
  });

  it('glu and prelu follow PyTorch on small cases', () => {
    expect(F.glu(tensor([[0, 2, 0, 0]])).toArray()).toEqual([[0, 1]]);
    expect(F.prelu(tensor([[[-4]], [[4]]]), tensor([0.5])).toArray()).toEqual([[[-2]], [[4]]]);
    expect(F.prelu(tensor(-4), tensor([0.5])).shape).toEqual([]);
  });
});

describe('activation modules', () => {
  const all = (): Module<[Tensor], Tensor>[] => [
    new ReLU(),
    new LeakyReLU(),
    new ELU(),
    new GELU(),
    new SiLU(),
    new Sigmoid(),
    new Tanh(),
    new Softplus(),
    new Softmax(),
    new LogSoftmax(),
    new LogSigmoid(),
    new Hardtanh(),
    new ReLU6(),
    new Hardsigmoid(),
    new Hardswish(),
    new SELU(),
    new Mish(),
    new Softsign(),
    new GLU(),
    new PReLU(),
  ];

  it('have PyTorch defaults', () => {
    expect(new LeakyReLU().negativeSlope).toBe(0.01);
    expect(new ELU().alpha).toBe(1);
    expect(new GELU().approximate).toBe('none');
    expect([new Softplus().beta, new Softplus().threshold]).toEqual([1, 20]);
    expect([new Hardtanh().minVal, new Hardtanh().maxVal]).toEqual([-1, 1]);
    expect([new ReLU6().minVal, new ReLU6().maxVal]).toEqual([0, 6]);
    expect(new GLU().dim).toBe(-1);
    expect(new PReLU().weight.value.toArray()).toEqual([0.25]);
    // Our documented difference: the last dim, not PyTorch's implicit (deprecated) choice.
    expect(new Softmax().dim).toBe(-1);
    expect(new LogSoftmax().dim).toBe(-1);
  });

  it('hold no state except PReLU', () => {
    for (const m of all()) {
      const keys = Object.keys(m.stateDict());
      expect(keys).toEqual(m instanceof PReLU ? ['weight'] : []);
      m.dispose();
    }
    const p = new PReLU(3, 0.5, { dtype: 'float64' });
    expect(p.namedParameters().map(([k, v]) => [k, v.shape, v.dtype])).toEqual([['weight', [3], 'float64']]);
    p.dispose();
  });

  it('validate hyper-parameters with the module named', () => {
    const named = (f: () => unknown, op: string): void => void expectError(f, ArgumentError, op);
    named(() => new LeakyReLU(Infinity), 'new LeakyReLU');
    named(() => new LeakyReLU('0.1' as never), 'new LeakyReLU');
    named(() => new ELU(NaN), 'new ELU');
    named(() => new GELU('erf' as never), 'new GELU');
    named(() => new Softplus(0), 'new Softplus');
    named(() => new Softplus(1, NaN), 'new Softplus');
    named(() => new Softmax(1.5), 'new Softmax');
    named(() => new LogSoftmax('1' as never), 'new LogSoftmax');
    named(() => new Hardtanh(2, -2), 'new Hardtanh');
    named(() => new GLU(0.5), 'new GLU');
    named(() => new PReLU(0), 'new PReLU');
    named(() => new PReLU(2, NaN), 'new PReLU');
    named(() => new PReLU(2, 0.25, { bias: true } as never), 'new PReLU');
    expect(() => new PReLU(1, 0.25, { dtype: 'int32' as never })).toThrow(DTypeError);
  });

  it('check their input at call', () => {
    expect(() => new Softmax(2).call(zeros([2, 2]))).toThrow(IndexError);
    expect(() => new GLU().call(zeros([2, 3]))).toThrow(ShapeError);
    const p = new PReLU(3);
    expect(() => p.call(zeros([2, 4]))).toThrow(ShapeError);
    expect(() => p.call(zeros([3]))).toThrow(ShapeError);
    expect(() => p.call(zeros([2, 3], { dtype: 'float64' }))).toThrow(DTypeError);
    expect(p.call(zeros([2, 3, 5])).shape).toEqual([2, 3, 5]);
    p.dispose();
  });

  it('keep the shape and free every intermediate', () => {
    const modules = all();
    const x = tensor([
      [-2.5, -0.5, 0.5, 2.5],
      [1, -1, 3, -3],
    ]);
    const before = getBackend().numDataIds();
    for (const m of modules) {
      const y = m.call(x);
      expect(y.shape).toEqual(m instanceof GLU ? [2, 2] : [2, 4]);
      y.dispose();
      expect(getBackend().numDataIds()).toBe(before);
    }
    x.dispose();
    for (const m of modules) m.dispose();
  });

  it('match the functional forms', () => {
    const x = tensor([[-2.5, -0.5, 0.5, 2.5]]);
    const same = (m: Module<[Tensor], Tensor>, y: Tensor): void => {
      expect(m.call(x).toArray()).toEqual(y.toArray());
    };
    same(new LeakyReLU(0.3), F.leakyRelu(x, 0.3));
    same(new ELU(0.7), F.elu(x, 0.7));
    same(new GELU('tanh'), F.gelu(x, 'tanh'));
    same(new Softplus(2, 1), F.softplus(x, 2, 1));
    same(new Softmax(0), F.softmax(x, 0));
    same(new LogSoftmax(1), F.logSoftmax(x, 1));
    same(new Hardtanh(-2, 2), F.hardtanh(x, -2, 2));
    same(new GLU(1), F.glu(x, 1));
  });
});
