import {
  abs,
  add,
  cast,
  clamp,
  div,
  elu,
  gelu,
  leakyRelu,
  log,
  maskedFill,
  mul,
  pow,
  sigmoid,
  silu,
  softplus,
  square,
  where,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { gradgradcheck } from '../src/index.js';
import { secondOrderCheck } from './support/second-order-check.js';
import { A, B, BINARY, bools, f64, MIXED, POSITIVE, UNARY, type Case } from './support/elementwise-samples.js';

const secondOrder: Case[] = [
  ...UNARY.map(([name, op, values]): Case => ({ name, f: op, inputs: () => [f64(values)] })),
  {
    name: 'cast float64 → float32 → float64',
    f: (x) => cast(cast(x, 'float32'), 'float64'),
    inputs: () => [f64(MIXED)],
    options: { eps: 1e-2, atol: 1e-4 },
  },
  ...BINARY.flatMap(([name, op]): Case[] => [
    { name: `${name} same shape`, f: op, inputs: () => [f64(A), f64(B)] },
    { name: `${name} with a number`, f: (x) => op(x, 1.25), inputs: () => [f64(A)] },
    { name: `${name} number first`, f: (x) => op(1.3, x), inputs: () => [f64(B)] },
    { name: `${name} broadcast a [2,3], b [3]`, f: op, inputs: () => [f64(A), f64(B[0]!)] },
    {
      name: `${name} broadcast both ways a [2,1], b [1,3]`,
      f: op,
      inputs: () => [f64([[0.7], [1.8]]), f64([[0.45, -1.3, 1.15]])],
    },
    { name: `${name} scalar tensor a [], b [2,3]`, f: op, inputs: () => [f64(1.45), f64(B)] },
  ]),
  { name: 'mul(x, x)', f: (x) => mul(x, x), inputs: () => [f64(MIXED)] },
  { name: 'div(x, x)', f: (x) => div(x, x), inputs: () => [f64(MIXED)] },
  { name: 'pow(x, x)', f: (x) => pow(x, x), inputs: () => [f64(POSITIVE)] },
  { name: 'pow(x, 3) with negative bases', f: (x) => pow(x, 3), inputs: () => [f64(MIXED)] },
  {
    name: 'where same shape',
    f: (a, b) =>
      where(
        bools([
          [true, false, true],
          [false, false, true],
        ]),
        a!,
        b!,
      ),
    inputs: () => [f64(A), f64(B)],
  },
  {
    name: 'where(c, x², x³)',
    f: (x) => where(bools([true, false, true]), square(x), pow(x, 3)),
    inputs: () => [f64(B[1]!)],
  },
  {
    name: 'where broadcast cond [2,1], a [], b [1,3]',
    f: (a, b) => where(bools([[true], [false]]), a!, b!),
    inputs: () => [f64(0.75), f64([[0.45, -1.3, 1.15]])],
  },
  {
    name: 'maskedFill(x², mask, 0.5)',
    f: (x) =>
      maskedFill(
        square(x),
        bools([
          [true, false, false],
          [false, true, false],
        ]),
        0.5,
      ),
    inputs: () => [f64(A)],
  },
  { name: 'square', f: square, inputs: () => [f64(MIXED)] },
  { name: 'leakyRelu default slope', f: (x) => leakyRelu(x), inputs: () => [f64(MIXED)] },
  { name: 'leakyRelu slope 1.5', f: (x) => leakyRelu(x, 1.5), inputs: () => [f64(MIXED)] },
  { name: 'elu alpha 0.7', f: (x) => elu(x, 0.7), inputs: () => [f64(MIXED)] },
  { name: 'gelu exact', f: (x) => gelu(x), inputs: () => [f64(MIXED)] },
  { name: 'gelu tanh', f: (x) => gelu(x, 'tanh'), inputs: () => [f64(MIXED)] },
  { name: 'silu', f: silu, inputs: () => [f64(MIXED)] },
  { name: 'softplus', f: (x) => softplus(x), inputs: () => [f64(MIXED)] },
  { name: 'softplus beta 2, threshold 1', f: (x) => softplus(x, 2, 1), inputs: () => [f64(MIXED)] },
  { name: 'clamp(x³, -1, 1)', f: (x) => clamp(pow(x, 3), -1, 1), inputs: () => [f64(MIXED)] },
  {
    name: 'a chain: log(sigmoid(x)·2 + x²) / (1 + |x|)',
    f: (x) => div(log(add(mul(sigmoid(x), 2), square(x))), add(abs(x), 1)),
    inputs: () => [f64(MIXED)],
  },
];

describe('elementwise gradients: second order (gradients of the gradient rules, float64)', () => {
  // Each case runs two independent checks: the library's gradgradcheck, and secondOrderCheck
  // (test/support), which differentiates the first derivatives element by element with nested grads.
  for (const c of secondOrder) {
    it(c.name, () => {
      expect(gradgradcheck(c.f, c.inputs(), c.options)).toBe(true);
      expect(secondOrderCheck(c.f, c.inputs(), c.options)).toBeGreaterThan(0);
    });
  }
});
