import {
  abs,
  add,
  cast,
  ceil,
  clamp,
  elu,
  eq,
  floor,
  ge,
  gt,
  isFinite,
  isNaN,
  le,
  leakyRelu,
  log,
  logicalAnd,
  logicalNot,
  logicalOr,
  lt,
  maximum,
  minimum,
  mul,
  ne,
  onesLike,
  onOp,
  pow,
  relu,
  round,
  sign,
  softplus,
  sqrt,
  sum,
  tensor,
  where,
  type OpRecord,
  type Tensor,
} from '@nn/tensor';
import type { OpName } from '@nn/tensor/backend';
import { describe, expect, it } from 'vitest';
import { grad, GRADIENTS, NON_DIFFERENTIABLE, type GradRule } from '../src/index.js';
import { BINARY, bools, f64, gradOfSum, UNARY } from './support/elementwise-samples.js';

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
