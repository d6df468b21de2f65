// Fixture op name → @nn public call. Every entry names the @nn function; its tensors/scalars come
// positionally in `inputs` and the rest in `args`, already in @nn's API form (camelCase options,
// PyTorch pad order), so each dispatcher only unpacks them.
import * as nn from '../../src/index.js';
import type { DType, Tensor, TensorLike } from '../../src/index.js';
import { decodeNumber } from './fixtures.js';

export type Operand = Tensor | number | boolean | null;
export type Args = Record<string, unknown>;
export type OpCall = (inputs: readonly Operand[], args: Args) => Tensor;

type Dims = number | number[] | undefined;
type Pair = number | [number, number];
type Shape4 = [number, number, number, number];

function tensorAt(inputs: readonly Operand[], i: number): Tensor {
  const x = inputs[i];
  if (!(x instanceof nn.Tensor)) throw new Error(`fixture: operand ${i} is not a tensor`);
  return x;
}

function likeAt(inputs: readonly Operand[], i: number): TensorLike {
  const x = inputs[i];
  if (x === null || x === undefined) throw new Error(`fixture: operand ${i} is missing`);
  return x;
}

function optionalTensorAt(inputs: readonly Operand[], i: number): Tensor | null {
  return inputs[i] === null ? null : tensorAt(inputs, i);
}

const unary =
  (fn: (x: Tensor) => Tensor): OpCall =>
  (inputs) =>
    fn(tensorAt(inputs, 0));
const binary =
  (fn: (a: TensorLike, b: TensorLike) => Tensor): OpCall =>
  (inputs) =>
    fn(likeAt(inputs, 0), likeAt(inputs, 1));
const reduction =
  (fn: (x: Tensor, dim?: Dims, keepDim?: boolean) => Tensor): OpCall =>
  (inputs, a) =>
    fn(tensorAt(inputs, 0), a.dim as Dims, a.keepDim as boolean | undefined);
const argReduction =
  (fn: (x: Tensor, dim?: number, keepDim?: boolean) => Tensor): OpCall =>
  (inputs, a) =>
    fn(tensorAt(inputs, 0), a.dim as number | undefined, a.keepDim as boolean | undefined);
const varianceLike =
  (fn: typeof nn.variance): OpCall =>
  (inputs, a) =>
    fn(tensorAt(inputs, 0), a.dim as Dims, a.options as { correction?: number; keepDim?: boolean } | undefined);
const softmaxLike =
  (fn: (x: Tensor, dim?: number) => Tensor): OpCall =>
  (inputs, a) =>
    fn(tensorAt(inputs, 0), a.dim as number | undefined);
type ConvFn = (x: Tensor, w: Tensor, b?: Tensor | null, o?: never) => Tensor;
const conv =
  (fn: ConvFn): OpCall =>
  (inputs, a) =>
    fn(tensorAt(inputs, 0), tensorAt(inputs, 1), optionalTensorAt(inputs, 2), a.options as never);

/** Every op the fixtures use. */
export const OPS: Readonly<Record<string, OpCall>> = {
  // elementwise
  neg: unary(nn.neg),
  abs: unary(nn.abs),
  sign: unary(nn.sign),
  exp: unary(nn.exp),
  log: unary(nn.log),
  log1p: unary(nn.log1p),
  expm1: unary(nn.expm1),
  sqrt: unary(nn.sqrt),
  rsqrt: unary(nn.rsqrt),
  square: unary(nn.square),
  reciprocal: unary(nn.reciprocal),
  sin: unary(nn.sin),
  cos: unary(nn.cos),
  tanh: unary(nn.tanh),
  sigmoid: unary(nn.sigmoid),
  relu: unary(nn.relu),
  erf: unary(nn.erf),
  floor: unary(nn.floor),
  ceil: unary(nn.ceil),
  round: unary(nn.round),
  silu: unary(nn.silu),
  logicalNot: unary(nn.logicalNot),
  isNaN: unary(nn.isNaN),
  isFinite: unary(nn.isFinite),
  leakyRelu: (i, a) => nn.leakyRelu(tensorAt(i, 0), a.negativeSlope as number | undefined),
  elu: (i, a) => nn.elu(tensorAt(i, 0), a.alpha as number | undefined),
  gelu: (i, a) => nn.gelu(tensorAt(i, 0), a.approximate as 'none' | 'tanh' | undefined),
  softplus: (i, a) => nn.softplus(tensorAt(i, 0), a.beta as number | undefined, a.threshold as number | undefined),
  clamp: (i, a) => nn.clamp(tensorAt(i, 0), a.min as number | null | undefined, a.max as number | null | undefined),
  cast: (i, a) => nn.cast(tensorAt(i, 0), a.dtype as DType),
  add: binary(nn.add),
  sub: binary(nn.sub),
  mul: binary(nn.mul),
  div: binary(nn.div),
  pow: binary(nn.pow),
  maximum: binary(nn.maximum),
  minimum: binary(nn.minimum),
  eq: binary(nn.eq),
  ne: binary(nn.ne),
  lt: binary(nn.lt),
  le: binary(nn.le),
  gt: binary(nn.gt),
  ge: binary(nn.ge),
  logicalAnd: binary(nn.logicalAnd),
  logicalOr: binary(nn.logicalOr),
  where: (i) => nn.where(tensorAt(i, 0), likeAt(i, 1), likeAt(i, 2)),
  // reductions
  sum: reduction(nn.sum),
  mean: reduction(nn.mean),
  prod: reduction(nn.prod),
  max: reduction(nn.max),
  min: reduction(nn.min),
  all: reduction(nn.all),
  any: reduction(nn.any),
  logsumexp: reduction(nn.logsumexp),
  argmax: argReduction(nn.argmax),
  argmin: argReduction(nn.argmin),
  variance: varianceLike(nn.variance),
  std: varianceLike(nn.std),
  norm: (i, a) =>
    nn.norm(tensorAt(i, 0), a.p as number | 'fro' | 'inf' | undefined, a.dim as Dims, a.keepDim as boolean | undefined),
  cumsum: (i, a) => nn.cumsum(tensorAt(i, 0), a.dim as number),
  softmax: softmaxLike(nn.softmax),
  logSoftmax: softmaxLike(nn.logSoftmax),
  // linear algebra
  matmul: (i) => nn.matmul(tensorAt(i, 0), tensorAt(i, 1)),
  dot: (i) => nn.dot(tensorAt(i, 0), tensorAt(i, 1)),
  outer: (i) => nn.outer(tensorAt(i, 0), tensorAt(i, 1)),
  conv1d: conv(nn.conv1d as ConvFn),
  conv2d: conv(nn.conv2d as ConvFn),
  convTranspose2d: conv(nn.convTranspose2d as ConvFn),
  conv2dBackpropInput: (i, a) =>
    nn.conv2dBackpropInput(tensorAt(i, 0), tensorAt(i, 1), a.inputShape as Shape4, a.options as nn.Conv2dOptions),
  conv2dBackpropFilter: (i, a) =>
    nn.conv2dBackpropFilter(tensorAt(i, 0), tensorAt(i, 1), a.filterShape as Shape4, a.options as nn.Conv2dOptions),
  // pooling
  maxPool2d: (i, a) => nn.maxPool2d(tensorAt(i, 0), a.kernelSize as Pair, a.options as nn.MaxPool2dOptions),
  avgPool2d: (i, a) => nn.avgPool2d(tensorAt(i, 0), a.kernelSize as Pair, a.options as nn.AvgPool2dOptions),
  adaptiveAvgPool2d: (i, a) => nn.adaptiveAvgPool2d(tensorAt(i, 0), a.outputSize as Pair),
  maxPool2dBackprop: (i, a) =>
    nn.maxPool2dBackprop(tensorAt(i, 0), tensorAt(i, 1), a.kernelSize as Pair, a.options as nn.MaxPool2dOptions),
  avgPool2dBackprop: (i, a) =>
    nn.avgPool2dBackprop(
      tensorAt(i, 0),
      a.inputShape as Shape4,
      a.kernelSize as Pair,
      a.options as nn.AvgPool2dOptions,
    ),
  // movement
  pad: (i, a) =>
    nn.pad(
      tensorAt(i, 0),
      a.padding as number[],
      a.options as { mode?: 'constant' | 'reflect' | 'replicate'; value?: number },
    ),
  flip: (i, a) => nn.flip(tensorAt(i, 0), a.dims as number | number[]),
  repeat: (i, a) => nn.repeat(tensorAt(i, 0), a.reps as number[]),
  tile: (i, a) => nn.tile(tensorAt(i, 0), a.reps as number[]),
  gather: (i, a) => nn.gather(tensorAt(i, 0), a.dim as number, tensorAt(i, 1)),
  indexSelect: (i, a) => nn.indexSelect(tensorAt(i, 0), a.dim as number, tensorAt(i, 1)),
  scatterAdd: (i, a) => nn.scatterAdd(tensorAt(i, 0), a.dim as number, tensorAt(i, 1), tensorAt(i, 2)),
  oneHot: (i, a) => nn.oneHot(tensorAt(i, 0), a.numClasses as number, a.options as { dtype?: DType } | undefined),
  maskedFill: (i, a) => nn.maskedFill(tensorAt(i, 0), tensorAt(i, 1), decodeNumber(a.value)),
  concat: (i, a) =>
    nn.concat(
      i.map((_, k) => tensorAt(i, k)),
      a.dim as number | undefined,
    ),
  stack: (i, a) =>
    nn.stack(
      i.map((_, k) => tensorAt(i, k)),
      a.dim as number | undefined,
    ),
  permute: (i, a) => nn.permute(tensorAt(i, 0), a.dims as number[]),
  transpose: (i, a) => nn.transpose(tensorAt(i, 0), a.dim0 as number, a.dim1 as number),
  expand: (i, a) => nn.expand(tensorAt(i, 0), a.shape as number[]),
  narrow: (i, a) => nn.narrow(tensorAt(i, 0), a.dim as number, a.start as number, a.length as number),
};
