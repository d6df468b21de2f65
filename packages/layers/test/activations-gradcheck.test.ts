// gradcheck (float64 central differences against autograd) through every activation module, wrt the input
// (and PReLU's weight), at points clear of the kinks.
import { gradcheck } from '@nn/autograd';
import { tensor, type Tensor } from '@nn/tensor';
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
import { prelu } from '../src/functional/activations/index.js';
import type { Module } from '../src/module/module.js';
import { noLeak, noLeakWith } from './support/leaks.js';

/** Clear of 0, ±1, ±3, 6, the softplus thresholds used below; both signs; some large. */
const X = (): Tensor =>
  tensor([-4.2, -2.5, -0.7, -0.2, 0.3, 0.9, 2.2, 4.1, 7.5, 22.5, -23, 1.7], { dtype: 'float64', shape: [3, 4] });

const modules: [string, () => Module<[Tensor], Tensor>][] = [
  ['ReLU', () => new ReLU()],
  ['LeakyReLU', () => new LeakyReLU(0.2)],
  ['ELU', () => new ELU(0.7)],
  ['GELU', () => new GELU()],
  ['GELU tanh', () => new GELU('tanh')],
  ['SiLU', () => new SiLU()],
  ['Sigmoid', () => new Sigmoid()],
  ['Tanh', () => new Tanh()],
  ['Softplus', () => new Softplus()],
  ['Softplus beta 2 threshold 3', () => new Softplus(2, 3)],
  ['Softmax dim 0', () => new Softmax(0)],
  ['Softmax', () => new Softmax()],
  ['LogSoftmax dim 0', () => new LogSoftmax(0)],
  ['LogSoftmax', () => new LogSoftmax()],
  ['LogSigmoid', () => new LogSigmoid()],
  ['Hardtanh', () => new Hardtanh()],
  ['Hardtanh [-2, 5]', () => new Hardtanh(-2, 5)],
  ['ReLU6', () => new ReLU6()],
  ['Hardsigmoid', () => new Hardsigmoid()],
  ['Hardswish', () => new Hardswish()],
  ['SELU', () => new SELU()],
  ['Mish', () => new Mish()],
  ['Softsign', () => new Softsign()],
  ['GLU', () => new GLU()],
  ['GLU dim 1', () => new GLU(1)],
  ['PReLU', () => new PReLU(1, -0.3)],
  ['PReLU per channel', () => new PReLU(4, 0.4)],
];

describe('gradcheck of the activations', () => {
  it.each(modules)('%s', (_name, make) => {
    noLeakWith(
      () => make().to('float64'),
      (m) => {
        expect(gradcheck((x: Tensor) => m.call(x), [X()])).toBe(true);
      },
    );
  });

  it('PReLU wrt its weight (the function its forward calls)', () => {
    noLeak(() => {
      expect(
        gradcheck((x: Tensor, w: Tensor) => prelu(x, w), [X(), tensor([0.3, -0.2, 0.5, 1.5], { dtype: 'float64' })]),
      ).toBe(true);
      expect(gradcheck((x: Tensor, w: Tensor) => prelu(x, w), [X(), tensor([0.3], { dtype: 'float64' })])).toBe(true);
    });
  });
});
