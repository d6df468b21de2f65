import {
  abs,
  add,
  cast,
  ceil,
  clamp,
  cos,
  div,
  elu,
  eq,
  erf,
  exp,
  expm1,
  floor,
  ge,
  gelu,
  gt,
  isFinite,
  isNaN,
  le,
  leakyRelu,
  log,
  log1p,
  logicalAnd,
  logicalNot,
  logicalOr,
  lt,
  maskedFill,
  maximum,
  minimum,
  mul,
  ne,
  neg,
  getBackend,
  onesLike,
  onOp,
  pow,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  silu,
  sin,
  softplus,
  sqrt,
  square,
  sub,
  sum,
  tanh,
  tensor,
  tidy,
  where,
  type OpRecord,
  type Tensor,
} from '@nn/tensor';
import type { OpName } from '@nn/tensor/backend';
import { describe, expect, it } from 'vitest';
import { grad, GRADIENTS, gradcheck, gradgradcheck, NON_DIFFERENTIABLE, type GradRule } from '../src/index.js';
import { secondOrderCheck } from './support/second-order-check.js';

const f64 = (data: number | number[] | number[][] | number[][][]): Tensor => tensor(data, { dtype: 'float64' });
const i32 = (data: number[] | number[][]): Tensor => tensor(data, { dtype: 'int32' });
const bools = (data: boolean[] | boolean[][]): Tensor => tensor(data, { dtype: 'bool' });

type Fn = (...xs: Tensor[]) => Tensor;
interface Case {
  name: string;
  f: Fn;
  inputs: () => Tensor[];
  options?: { eps?: number; atol?: number; rtol?: number };
}

/** Sample values with no kinks near them: away from 0, from integers and from half-integers. */
const MIXED = [
  [0.3, -1.2, 0.7],
  [1.9, -0.45, 2.6],
];
const POSITIVE = [
  [0.3, 1.2, 0.7],
  [1.9, 0.45, 2.6],
];
const ABOVE_MINUS_ONE = [
  [0.3, -0.6, 0.7],
  [1.9, -0.45, 2.6],
];
const ODD = [[[0.35]], [[-0.8]], [[1.3]]]; // shape [3, 1, 1]

/** Every unary primitive of the group through its public op, with a domain where it is smooth. */
const UNARY: readonly [string, (x: Tensor) => Tensor, number[][], number][] = [
  ['neg', neg, MIXED, -0.3],
  ['abs', abs, MIXED, -0.3],
  ['sign', sign, MIXED, 0.4],
  ['exp', exp, MIXED, 0.4],
  ['log', log, POSITIVE, 0.4],
  ['log1p', log1p, ABOVE_MINUS_ONE, -0.4],
  ['expm1', expm1, MIXED, 0.4],
  ['sqrt', sqrt, POSITIVE, 0.4],
  ['rsqrt', rsqrt, POSITIVE, 0.4],
  ['reciprocal', reciprocal, MIXED, -0.4],
  ['sin', sin, MIXED, 0.4],
  ['cos', cos, MIXED, 0.4],
  ['tanh', tanh, MIXED, 0.4],
  ['sigmoid', sigmoid, MIXED, -0.4],
  ['relu', relu, MIXED, 0.4],
  ['erf', erf, MIXED, -0.4],
  ['floor', floor, MIXED, 0.4],
  ['ceil', ceil, MIXED, 0.4],
  ['round', round, MIXED, 0.3],
];

const BINARY: readonly [string, (a: Tensor | number, b: Tensor | number) => Tensor][] = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div],
  ['pow', pow],
  ['maximum', maximum],
  ['minimum', minimum],
];

// Operands for the binary ops: a > 0 everywhere (pow's exponent gradient needs log a), no ties.
const A = [
  [0.6, 1.3, 2.1],
  [0.9, 1.7, 0.35],
];
const B = [
  [1.1, -0.7, 0.45],
  [1.6, 0.8, -1.4],
];

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

/** The gradient of `sum(f(x))` at `x`, as a plain array. */
const gradOfSum = (f: (x: Tensor) => Tensor, x: Tensor): unknown => grad((t: Tensor) => sum(f(t)))(x).toArray();

describe('elementwise gradients: PyTorch conventions at non-smooth points', () => {
  it('relu′(0) = 0, abs′(0) = 0, and a NaN input passes relu′s gradient (threshold_backward tests y ≤ 0)', () => {
    expect(gradOfSum(relu, f64([-1, 0, 2]))).toEqual([0, 0, 1]);
    expect(gradOfSum(abs, f64([-1, 0, 2]))).toEqual([-1, 0, 1]);
    expect(gradOfSum(relu, f64([NaN]))).toEqual([1]);
  });

  it('sign, floor, ceil and round pass zeros (not null): the gradient flows, as zeros', () => {
    for (const op of [sign, floor, ceil, round]) {
      expect(gradOfSum((x) => add(op(x), mul(x, 2)), f64([-1.5, 0, 2.5]))).toEqual([2, 2, 2]);
      expect(gradOfSum(op, f64([-1.5, 0, 2.5]))).toEqual([0, 0, 0]);
    }
  });

  it('maximum and minimum split a tie half and half, and send the full gradient to both sides of a NaN', () => {
    const g = grad((a: Tensor, b: Tensor) => sum(maximum(a, b)))(f64([1, 2, 3, NaN]), f64([1, 5, 0, 1]));
    expect(g[0].toArray()).toEqual([0.5, 0, 1, 1]);
    expect(g[1].toArray()).toEqual([0.5, 1, 0, 1]);
    const h = grad((a: Tensor, b: Tensor) => sum(minimum(a, b)))(f64([1, 2, 3]), f64([1, 5, 0]));
    expect(h[0].toArray()).toEqual([0.5, 1, 0]);
    expect(h[1].toArray()).toEqual([0.5, 0, 1]);
  });

  it('sqrt′(0) = +∞ and log′(0) = +∞, as in PyTorch', () => {
    expect(gradOfSum(sqrt, f64([0, 4]))).toEqual([Infinity, 0.25]);
    expect(gradOfSum(log, f64([0, 4]))).toEqual([Infinity, 0.25]);
  });

  it('pow: base gradient 0 where b = 0; exponent gradient 0 where a = 0 and b ≥ 0, NaN for a negative base', () => {
    const g = grad((a: Tensor, b: Tensor) => sum(pow(a, b)))(f64([0, 0, 0, -2, 2]), f64([0, 2, -1, 2, 3]));
    const [da, db] = [g[0].toArray() as number[], g[1].toArray() as number[]];
    expect(da.slice(0, 4)).toEqual([0, 0, -Infinity, -4]); // 0⁰ → 0; 2·0¹ = 0; −1·0⁻² = −∞; 2·(−2) = −4
    expect(da[4]).toBeCloseTo(12, 12);
    expect(db.slice(0, 2)).toEqual([0, 0]);
    expect(db[2]).toBe(-Infinity); // 0⁻¹·log 0 = ∞·(−∞), as PyTorch (b < 0 is not masked)
    expect(db[3]).toBeNaN(); // 4·log(−2)
    expect(db[4]).toBeCloseTo(8 * Math.log(2), 12);
  });

  it('where sends the gradient to the chosen side only and leaves the condition alone', () => {
    const g = grad((a: Tensor, b: Tensor) => sum(mul(where(bools([true, false]), a, b), f64([3, 4]))))(
      f64([1, 1]),
      f64([2, 2]),
    );
    expect(g[0].toArray()).toEqual([3, 0]);
    expect(g[1].toArray()).toEqual([0, 4]);
  });
});

// The composites below are built in @nn/tensor; their gradient at a kink follows from how they are
// composed. These pin PyTorch 1.13's values there (softplus_backward, leaky_relu_backward,
// clamp_backward), which the compositions must reproduce.
describe('elementwise composites: PyTorch values at their kinks', () => {
  it('softplus′(0) = sigmoid(0) = 0.5 (any beta)', () => {
    expect(gradOfSum((x) => softplus(x), f64([0]))).toEqual([0.5]);
    expect(gradOfSum((x) => softplus(x, 2), f64([0]))).toEqual([0.5]);
  });

  it('leakyRelu′(0) = negativeSlope (x > 0 picks the identity branch)', () => {
    expect(gradOfSum((x) => leakyRelu(x, 0.2), f64([0]))).toEqual([0.2]);
    expect(gradOfSum((x) => leakyRelu(x, 1.5), f64([0]))).toEqual([1.5]);
  });

  it('clamp passes the full gradient at its bounds (min ≤ x ≤ max) and none outside', () => {
    expect(gradOfSum((x) => clamp(x, -1, 1), f64([-1, 1, 2, -3]))).toEqual([1, 1, 0, 0]);
    expect(gradOfSum((x) => clamp(x, 0.5), f64([0.5]))).toEqual([1]);
    expect(gradOfSum((x) => clamp(x, null, 0.5), f64([0.5]))).toEqual([1]);
  });

  it('elu′(0) = alpha (x ≤ 0 picks the exponential branch)', () => {
    expect(gradOfSum((x) => elu(x, 0.7), f64([0]))).toEqual([0.7]);
  });
});

describe('elementwise gradients: dtypes and non-differentiable primitives', () => {
  it('casts the gradient back between float dtypes, and stops it at int32 and bool', () => {
    const x32 = tensor([1.5, -2]);
    const g32 = grad((x: Tensor) => sum(mul(cast(x, 'float64'), f64([3, 4]))))(x32);
    expect(g32.dtype).toBe('float32');
    expect(g32.toArray()).toEqual([3, 4]);
    const g64 = grad((x: Tensor) => sum(mul(cast(x, 'float32'), 2)))(f64([1.5, -2]));
    expect(g64.dtype).toBe('float64');
    expect(g64.toArray()).toEqual([2, 2]);
    // float32 + float64 promotes through a Cast whose gradient comes back as float32.
    const mixed = grad((a: Tensor, b: Tensor) => sum(mul(a, b)))(tensor([2, 3]), f64([5, 7]));
    expect(mixed[0].dtype).toBe('float32');
    expect(mixed[0].toArray()).toEqual([5, 7]);
    expect(mixed[1].dtype).toBe('float64');
    expect(gradOfSum((x) => add(x, cast(cast(x, 'bool'), 'float64')), f64([0, 2]))).toEqual([1, 1]);
  });

  it('comparisons, logical ops, isNaN and isFinite carry no gradient: masks built from x act as constants', () => {
    const masks: ((x: Tensor) => Tensor)[] = [
      (x) => gt(x, 0),
      (x) => ge(x, 0),
      (x) => lt(x, 0),
      (x) => le(x, 0),
      (x) => eq(x, 1),
      (x) => ne(x, 1),
      (x) => logicalNot(gt(x, 0)),
      (x) => logicalAnd(gt(x, 0), lt(x, 5)),
      (x) => logicalOr(gt(x, 3), lt(x, 0)),
      (x) => isNaN(x),
      (x) => isFinite(x),
    ];
    const x = f64([-1, 1, 4]);
    for (const m of masks) {
      const expected = (m(x).toArray() as boolean[]).map((b) => (b ? 1 : 0));
      expect(gradOfSum((t) => mul(t, cast(m(t), 'float64')), x)).toEqual(expected);
    }
  });

  it('lists every elementwise primitive exactly once: a rule, or a reason', () => {
    const rules: OpName[] = [
      'Neg',
      'Abs',
      'Sign',
      'Exp',
      'Log',
      'Log1p',
      'Expm1',
      'Sqrt',
      'Rsqrt',
      'Reciprocal',
      'Sin',
      'Cos',
      'Tanh',
      'Sigmoid',
      'Relu',
      'Erf',
      'Floor',
      'Ceil',
      'Round',
      'Cast',
      'Add',
      'Sub',
      'Mul',
      'Div',
      'Pow',
      'Maximum',
      'Minimum',
      'Where',
    ];
    const none: OpName[] = [
      'IsNaN',
      'IsFinite',
      'LogicalNot',
      'Equal',
      'NotEqual',
      'Less',
      'LessEqual',
      'Greater',
      'GreaterEqual',
      'LogicalAnd',
      'LogicalOr',
    ];
    for (const op of rules)
      expect([op, GRADIENTS[op] !== undefined, NON_DIFFERENTIABLE[op]]).toEqual([op, true, undefined]);
    for (const op of none)
      expect([op, GRADIENTS[op], (NON_DIFFERENTIABLE[op] ?? '').length > 15]).toEqual([op, undefined, true]);
  });

  /** Runs `run` and returns the record of its (last) `op` primitive. */
  function recordOf(op: OpName, run: () => Tensor): OpRecord {
    let found: OpRecord | undefined;
    const stop = onOp((r) => {
      if (r.op === op) found = r;
    });
    try {
      run();
    } finally {
      stop();
    }
    if (found === undefined) throw new Error(`${op} did not run`);
    return found;
  }

  const x32 = (): Tensor =>
    tensor([
      [0.3, 1.2, 0.7],
      [1.9, 0.45, 2.6],
    ]);
  const y32 = (): Tensor => tensor([1.1, 0.7, 0.45]);
  const cond = (): Tensor => bools([true, false, true]);
  const ruleCases: [OpName, () => Tensor][] = [
    ...UNARY.map(([name, op]): [OpName, () => Tensor] => [
      (name === 'log1p' ? 'Log1p' : name === 'expm1' ? 'Expm1' : name[0]!.toUpperCase() + name.slice(1)) as OpName,
      () => op(x32()),
    ]),
    ['Cast', () => cast(x32(), 'float64')],
    ['Cast', () => cast(f64([1, 2]), 'float32')],
    ...BINARY.map(([name, op]): [OpName, () => Tensor] => [
      (name[0]!.toUpperCase() + name.slice(1)) as OpName,
      () => op(x32(), y32()),
    ]),
    ['Where', () => where(cond(), x32(), y32())],
  ];

  it('rules return gradients of each input’s own dtype and shape (float32 stays float32)', () => {
    for (const [op, run] of ruleCases) {
      const record = recordOf(op, run);
      const rule = GRADIENTS[op] as GradRule<OpName> | undefined;
      expect(rule, op).toBeDefined();
      // Call the rule as the pass does, while its inputs are being differentiated.
      const inputs = Object.values(record.inputs) as Tensor[];
      grad((..._xs: Tensor[]) => {
        const out = rule!(onesLike(record.output), record as never) as Record<string, Tensor | null | undefined>;
        for (const [name, g] of Object.entries(out)) {
          if (name === 'condition') expect(g).toBeNull();
          if (g === null || g === undefined) continue;
          const input = (record.inputs as Record<string, Tensor>)[name]!;
          expect([op, name, g.dtype, g.shape]).toEqual([op, name, input.dtype, input.shape]);
        }
        return sum(record.output);
      })(...inputs);
    }
  });
});

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
