import {
  abs,
  add,
  cast,
  clamp,
  div,
  elu,
  exp,
  gelu,
  gt,
  leakyRelu,
  log,
  maskedFill,
  maximum,
  minimum,
  mul,
  getBackend,
  pow,
  sigmoid,
  silu,
  softplus,
  square,
  sub,
  sum,
  tidy,
  where,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { grad, gradcheck } from '../src/index.js';
import {
  A,
  B,
  BINARY,
  bools,
  f64,
  i32,
  MIXED,
  ODD,
  POSITIVE,
  UNARY,
  type Case,
} from './support/elementwise-samples.js';

const firstOrder: Case[] = [
  ...UNARY.flatMap(([name, op, values, s]): Case[] => [
    { name: `${name} [2,3]`, f: op, inputs: () => [f64(values)] },
    { name: `${name} scalar`, f: op, inputs: () => [f64(s)] },
  ]),
  { name: 'exp odd shape [3,1,1]', f: exp, inputs: () => [f64(ODD)] },
  {
    name: 'cast float64 → float32 → float64',
    f: (x) => cast(cast(x, 'float32'), 'float64'),
    inputs: () => [f64(MIXED)],
    options: { eps: 1e-2, atol: 1e-4 },
  },
  {
    name: 'cast to int32 stops the gradient (int part added back)',
    f: (x) => add(x, cast(cast(x, 'int32'), 'float64')),
    inputs: () => [f64(MIXED)],
  },
  ...BINARY.flatMap(([name, op]): Case[] => [
    { name: `${name} same shape`, f: op, inputs: () => [f64(A), f64(B)] },
    { name: `${name} broadcast a [2,3], b [3]`, f: op, inputs: () => [f64(A), f64(B[0]!)] },
    { name: `${name} broadcast a [3], b [2,3]`, f: op, inputs: () => [f64(A[1]!), f64(B)] },
    {
      name: `${name} broadcast both ways a [2,1], b [1,3]`,
      f: op,
      inputs: () => [f64([[0.7], [1.8]]), f64([[0.45, -1.3, 1.15]])],
    },
    { name: `${name} scalar tensor a [], b [2,3]`, f: op, inputs: () => [f64(1.45), f64(B)] },
    { name: `${name} a [2,3], scalar tensor b []`, f: op, inputs: () => [f64(A), f64(0.85)] },
    { name: `${name} with a number on the right`, f: (x) => op(x, 1.25), inputs: () => [f64(A)] },
    { name: `${name} with a number on the left`, f: (x) => op(1.3, x), inputs: () => [f64(B)] },
    {
      name: `${name} with an int32 tensor (gradient to the float side)`,
      f: (x) => op(x, i32([2, -1, 3])),
      inputs: () => [f64(A)],
    },
    { name: `${name} int32 tensor first`, f: (x) => op(i32([[2], [3]]), x), inputs: () => [f64(B)] },
  ]),
  { name: 'add(x, x)', f: (x) => add(x, x), inputs: () => [f64(MIXED)] },
  { name: 'sub(x, x)', f: (x) => sub(x, x), inputs: () => [f64(MIXED)] },
  { name: 'mul(x, x)', f: (x) => mul(x, x), inputs: () => [f64(MIXED)] },
  { name: 'div(x, x)', f: (x) => div(x, x), inputs: () => [f64(MIXED)] },
  { name: 'pow(x, x)', f: (x) => pow(x, x), inputs: () => [f64(POSITIVE)] },
  { name: 'maximum(x, x): ties split half/half', f: (x) => maximum(x, x), inputs: () => [f64(MIXED)] },
  { name: 'minimum(x, x): ties split half/half', f: (x) => minimum(x, x), inputs: () => [f64(MIXED)] },
  { name: 'pow with a negative base and an integer exponent', f: (x) => pow(x, 3), inputs: () => [f64(MIXED)] },
  { name: 'pow with a negative number exponent', f: (x) => pow(x, -1.5), inputs: () => [f64(POSITIVE)] },
  { name: 'pow with a number base', f: (x) => pow(2.5, x), inputs: () => [f64(MIXED)] },
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
    name: 'where broadcast cond [2,1], a [], b [1,3]',
    f: (a, b) => where(bools([[true], [false]]), a!, b!),
    inputs: () => [f64(0.75), f64([[0.45, -1.3, 1.15]])],
  },
  {
    name: 'where broadcast cond [3], a [2,3], b [2,1]',
    f: (a, b) => where(bools([false, true, true]), a!, b!),
    inputs: () => [f64(A), f64([[0.2], [-0.9]])],
  },
  { name: 'where with a number', f: (x) => where(gt(x, 0), x, 0.25), inputs: () => [f64(MIXED)] },
  { name: 'where(c, x, x)', f: (x) => where(bools([true, false, true]), x, x), inputs: () => [f64(B)] },
  {
    name: 'where with an int32 branch',
    f: (x) => where(bools([true, false, true]), i32([4, 5, 6]), x),
    inputs: () => [f64(B)],
  },
  {
    name: 'maskedFill with a number',
    f: (x) =>
      maskedFill(
        x,
        bools([
          [true, false, false],
          [false, true, false],
        ]),
        0.5,
      ),
    inputs: () => [f64(A)],
  },
  {
    name: 'maskedFill with a broadcast mask',
    f: (x) => maskedFill(x, bools([false, true, false]), -2),
    inputs: () => [f64(A)],
  },
  {
    name: 'maskedFill with a 0-d tensor value',
    f: (x, v) => maskedFill(x, bools([false, true, true]), v!),
    inputs: () => [f64(A), f64(0.3)],
  },
  // Composites of the group.
  { name: 'square', f: square, inputs: () => [f64(MIXED)] },
  { name: 'leakyRelu default slope', f: (x) => leakyRelu(x), inputs: () => [f64(MIXED)] },
  { name: 'leakyRelu slope 0.2', f: (x) => leakyRelu(x, 0.2), inputs: () => [f64(MIXED)] },
  { name: 'leakyRelu slope 1 (maximum of equal operands)', f: (x) => leakyRelu(x, 1), inputs: () => [f64(MIXED)] },
  { name: 'leakyRelu slope 1.5', f: (x) => leakyRelu(x, 1.5), inputs: () => [f64(MIXED)] },
  { name: 'leakyRelu slope -0.3', f: (x) => leakyRelu(x, -0.3), inputs: () => [f64(MIXED)] },
  { name: 'elu', f: (x) => elu(x), inputs: () => [f64(MIXED)] },
  { name: 'elu alpha 0.7, scalar', f: (x) => elu(x, 0.7), inputs: () => [f64(-0.8)] },
  { name: 'gelu exact', f: (x) => gelu(x), inputs: () => [f64(MIXED)] },
  { name: 'gelu tanh', f: (x) => gelu(x, 'tanh'), inputs: () => [f64(MIXED)] },
  { name: 'silu', f: silu, inputs: () => [f64(MIXED)] },
  { name: 'softplus', f: (x) => softplus(x), inputs: () => [f64(MIXED)] },
  { name: 'softplus beta 2, threshold 1 (both branches)', f: (x) => softplus(x, 2, 1), inputs: () => [f64(MIXED)] },
  { name: 'softplus beta -1.5', f: (x) => softplus(x, -1.5), inputs: () => [f64(MIXED)] },
  { name: 'clamp min', f: (x) => clamp(x, 0.5), inputs: () => [f64(MIXED)] },
  { name: 'clamp max', f: (x) => clamp(x, null, 1.5), inputs: () => [f64(MIXED)] },
  { name: 'clamp min and max', f: (x) => clamp(x, -1, 1), inputs: () => [f64(MIXED)] },
  {
    name: 'a chain: log(sigmoid(x)·2 + x²) / (1 + |x|)',
    f: (x) => div(log(add(mul(sigmoid(x), 2), square(x))), add(abs(x), 1)),
    inputs: () => [f64(MIXED)],
  },
];

describe('elementwise gradients: gradcheck (float64)', () => {
  for (const c of firstOrder) {
    it(c.name, () => {
      expect(gradcheck(c.f, c.inputs(), c.options)).toBe(true);
    });
  }

  it('leaves no tensor behind: the rules’ temporaries and the graph are freed after each gradient', () => {
    const backend = getBackend();
    const before = backend.numDataIds();
    for (const c of firstOrder.filter((k) => !k.name.startsWith('cast to int32'))) {
      tidy(() => {
        grad((...xs: Tensor[]) => sum(c.f(...xs)))(...c.inputs());
      });
      expect([c.name, backend.numDataIds()]).toEqual([c.name, before]);
    }
  });

  // The Cast to int32/bool is recorded (its input requires grad) but its output never receives a
  // gradient, so the reverse pass never reaches that node: it must still be released.
  it('leaves no tensor behind when a recorded tensor is cast to int32 or bool', () => {
    const backend = getBackend();
    const before = backend.numDataIds();
    for (const dtype of ['int32', 'bool'] as const) {
      tidy(() => {
        grad((x: Tensor) => sum(add(x, cast(cast(x, dtype), 'float64'))))(f64([1.5, -2]));
      });
      expect([dtype, backend.numDataIds()]).toEqual([dtype, before]);
    }
  });
});
