// One small float64 sample per differentiable primitive, used by tape-doc.test.ts to establish
// (with gradgradcheck) which primitives support second-order gradients, the table of
// docs/autograd.md. Each sample calls the public op that reaches the primitive; the test checks
// that the primitive is really recorded. Inputs avoid kinks and ties (|x| away from 0, distinct
// values for max/min), so finite differences never cross a switch.
import {
  abs,
  add,
  avgPool2d,
  avgPool2dBackprop,
  broadcastTo,
  cast,
  ceil,
  concat,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  cos,
  cumsum,
  div,
  erf,
  exp,
  expm1,
  floor,
  gather,
  indexSelect,
  log,
  log1p,
  logSoftmax,
  matmul,
  max,
  maximum,
  maxPool2d,
  maxPool2dBackprop,
  min,
  minimum,
  mul,
  neg,
  pad,
  permute,
  pow,
  prod,
  reciprocal,
  relu,
  reshape,
  round,
  rsqrt,
  scatterAdd,
  sigmoid,
  sign,
  sin,
  slice,
  softmax,
  sqrt,
  sub,
  sum,
  tanh,
  tensor,
  tile,
  where,
  type Tensor,
} from '@nn/tensor';
import type { OpName } from '@nn/tensor/backend';
import type { GradcheckOptions } from '../../src/index.js';

export interface PrimitiveSample {
  readonly op: OpName;
  /** The function checked; its inputs are `inputs()`. */
  readonly f: (...xs: Tensor[]) => Tensor;
  readonly inputs: () => Tensor[];
  readonly options?: GradcheckOptions;
}

const f64 = (values: number[], shape?: number[]): Tensor =>
  tensor(values, shape === undefined ? { dtype: 'float64' } : { dtype: 'float64', shape });
const i32 = (values: number[], shape?: number[]): Tensor =>
  tensor(values, shape === undefined ? { dtype: 'int32' } : { dtype: 'int32', shape });

const pos = (): Tensor[] => [f64([0.4, 1.3, 2.2])];
const mixed = (): Tensor[] => [f64([-1.2, 0.35, 0.8])];
const pair = (): Tensor[] => [f64([0.5, -1.25, 2], [3, 1]), f64([1.5, -0.75], [2])];
const posPair = (): Tensor[] => [f64([0.6, 1.4, 2.1]), f64([1.3, 0.7, 1.9])];
const grid = (): Tensor[] => [f64([0.3, -1.1, 2.4, 0.9, -0.2, 1.7], [2, 3])];
/** [1, 1, 4, 4], distinct values at least 0.1 apart. */
const image = (): Tensor[] => [
  f64([0.1, 1.5, -0.7, 0.4, 2.2, -1.3, 0.9, 1.1, -0.4, 0.6, 1.9, -1.6, 0.2, -0.9, 1.3, 0.75], [1, 1, 4, 4]),
];
const unary = (op: OpName, fn: (x: Tensor) => Tensor, inputs = mixed, options?: GradcheckOptions): PrimitiveSample =>
  options === undefined ? { op, f: fn, inputs } : { op, f: fn, inputs, options };

/** Samples for every primitive that has a gradient rule. */
export const PRIMITIVE_SAMPLES: readonly PrimitiveSample[] = [
  unary('Neg', neg),
  unary('Abs', abs),
  unary('Sign', (x) => mul(sign(x), x)),
  unary('Exp', exp),
  unary('Log', log, pos),
  unary('Log1p', log1p, () => [f64([-0.5, 0.35, 0.8])]),
  unary('Expm1', expm1),
  unary('Sqrt', sqrt, pos),
  unary('Rsqrt', rsqrt, pos),
  unary('Reciprocal', reciprocal),
  unary('Sin', sin),
  unary('Cos', cos),
  unary('Tanh', tanh),
  unary('Sigmoid', sigmoid),
  unary('Relu', (x) => mul(relu(x), x)),
  unary('Erf', erf),
  unary('Floor', (x) => mul(floor(x), x)),
  unary('Ceil', (x) => mul(ceil(x), x)),
  unary('Round', (x) => mul(round(x), x)),
  // float64 → float32 → float64: a step of 2⁻⁶ keeps the finite differences exact in float32.
  unary(
    'Cast',
    (x) => mul(cast(cast(x, 'float32'), 'float64'), x),
    () => [f64([0.5, -1.25, 2])],
    { eps: 2 ** -6 },
  ),
  { op: 'Add', f: add, inputs: pair },
  { op: 'Sub', f: sub, inputs: pair },
  { op: 'Mul', f: mul, inputs: pair },
  { op: 'Div', f: div, inputs: () => [f64([0.5, -1.25, 2], [3, 1]), f64([1.5, -0.75], [2])] },
  { op: 'Pow', f: pow, inputs: posPair },
  { op: 'Maximum', f: (a, b) => mul(maximum(a, b), a), inputs: posPair },
  { op: 'Minimum', f: (a, b) => mul(minimum(a, b), b), inputs: posPair },
  {
    op: 'Where',
    f: (a, b) => mul(where(tensor([true, false, true]), a, b), a),
    inputs: posPair,
  },
  { op: 'Sum', f: (x) => mul(sum(x, 1), sum(x, 1)), inputs: grid },
  { op: 'Prod', f: (x) => prod(x, 1), inputs: grid },
  { op: 'Max', f: (x) => mul(max(x, 1), max(x, 1)), inputs: grid },
  { op: 'Min', f: (x) => mul(min(x, 0), min(x, 0)), inputs: grid },
  { op: 'Cumsum', f: (x) => mul(cumsum(x, 1), x), inputs: grid },
  { op: 'Softmax', f: (x) => softmax(x, 1), inputs: grid },
  { op: 'LogSoftmax', f: (x) => logSoftmax(x, 0), inputs: grid },
  { op: 'Reshape', f: (x) => mul(reshape(x, [3, 2]), reshape(x, [3, 2])), inputs: grid },
  { op: 'Transpose', f: (x) => mul(permute(x, [1, 0]), permute(x, [1, 0])), inputs: grid },
  { op: 'BroadcastTo', f: (x) => mul(broadcastTo(x, [2, 3, 1]), x), inputs: () => [f64([0.5, -1.5, 2], [3, 1])] },
  { op: 'Slice', f: (x) => mul(slice(x, [null, [null, null, 2]]), slice(x, [null, [null, null, 2]])), inputs: grid },
  { op: 'Concat', f: (a, b) => mul(concat([a, b], 0), concat([b, a], 0)), inputs: posPair },
  { op: 'Pad', f: (x) => mul(pad(x, [1, 2], { value: 0.5 }), pad(x, [1, 2], { value: 0.5 })), inputs: mixed },
  { op: 'Tile', f: (x) => mul(tile(x, [2]), tile(x, [2])), inputs: mixed },
  {
    op: 'IndexSelect',
    f: (x) => mul(indexSelect(x, 1, i32([2, 0, 2])), indexSelect(x, 1, i32([2, 0, 2]))),
    inputs: grid,
  },
  {
    op: 'Gather',
    f: (x) => mul(gather(x, 1, i32([1, 1, 0, 2], [2, 2])), gather(x, 1, i32([1, 1, 0, 2], [2, 2]))),
    inputs: grid,
  },
  {
    op: 'ScatterAdd',
    f: (x, s) => mul(scatterAdd(x, 1, i32([0, 2, 2, 1], [2, 2]), s), scatterAdd(x, 1, i32([0, 2, 2, 1], [2, 2]), s)),
    inputs: () => [grid()[0]!, f64([0.7, -0.3, 1.2, 0.45], [2, 2])],
  },
  {
    op: 'MatMul',
    f: (a, b) => matmul(a, b),
    inputs: () => [f64([0.5, -1.2, 0.8, 1.5, 0.3, -0.6], [2, 3]), f64([1.1, -0.4, 0.7, 0.2, -1.3, 0.9], [3, 2])],
  },
  {
    op: 'Conv2D',
    f: (x, w) => conv2d(x, w, null, { padding: 1, stride: 2 }),
    inputs: () => [
      f64([0.3, -0.8, 1.2, 0.5, -1.1, 0.7, 1.6, -0.2, 0.9], [1, 1, 3, 3]),
      f64([0.4, -0.6, 1.1, 0.25], [1, 1, 2, 2]),
    ],
  },
  {
    op: 'Conv2DBackpropInput',
    f: (dy, w) => conv2dBackpropInput(dy, w, [1, 1, 3, 3], { padding: 1, stride: 2 }),
    inputs: () => [f64([0.5, -1.2, 0.8, 1.5], [1, 1, 2, 2]), f64([0.4, -0.6, 1.1, 0.25], [1, 1, 2, 2])],
  },
  {
    op: 'Conv2DBackpropFilter',
    f: (x, dy) => conv2dBackpropFilter(x, dy, [1, 1, 2, 2], { padding: 1, stride: 2 }),
    inputs: () => [
      f64([0.3, -0.8, 1.2, 0.5, -1.1, 0.7, 1.6, -0.2, 0.9], [1, 1, 3, 3]),
      f64([0.5, -1.2, 0.8, 1.5], [1, 1, 2, 2]),
    ],
  },
  { op: 'MaxPool2D', f: (x) => mul(maxPool2d(x, 2), maxPool2d(x, 2)), inputs: image },
  {
    op: 'MaxPool2DBackprop',
    f: (dy, x) => mul(maxPool2dBackprop(dy, x, 2), x),
    inputs: () => [f64([0.5, -1.2, 0.8, 1.5], [1, 1, 2, 2]), image()[0]!],
  },
  { op: 'AvgPool2D', f: (x) => mul(avgPool2d(x, 2, { stride: 1 }), avgPool2d(x, 2, { stride: 1 })), inputs: image },
  {
    op: 'AvgPool2DBackprop',
    f: (dy) =>
      mul(avgPool2dBackprop(dy, [1, 1, 3, 3], 2, { stride: 1 }), avgPool2dBackprop(dy, [1, 1, 3, 3], 2, { stride: 1 })),
    inputs: () => [f64([0.5, -1.2, 0.8, 1.5], [1, 1, 2, 2])],
  },
];
