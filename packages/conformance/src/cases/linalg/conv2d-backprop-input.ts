import { ArgumentError, conv2dBackpropInput, convTranspose2d, DTypeError, ShapeError, type DType } from '@nn/tensor';
import type { Conv2dOptions, ConvTranspose2dOptions } from '@nn/tensor';
import type { CaseTable, ErrorCase, HostTensor, OpCase } from '../../case-types.js';
import { roundTo } from '../../host.js';
import { conv2dBackpropInputRef, convSpec, reshapeHost, sumTolerance, type ConvSpec } from './reference.js';

type Shape4 = [number, number, number, number];

function outSize(size: number, k: number, s: number, p0: number, p1: number, d: number): number {
  return Math.floor((size + p0 + p1 - d * (k - 1) - 1) / s) + 1;
}

function backprop(
  name: string,
  inputShape: Shape4,
  wShape: Shape4,
  options: Conv2dOptions,
  spec: ConvSpec,
  dtype: DType = 'float32',
): OpCase {
  const [n, , h, w] = inputShape;
  const oh = outSize(h, wShape[2], spec.stride[0], spec.padding[0], spec.padding[1], spec.dilation[0]);
  const ow = outSize(w, wShape[3], spec.stride[1], spec.padding[2], spec.padding[3], spec.dilation[1]);
  return {
    name,
    inputs: { dy: { shape: [n, wShape[0], oh, ow], dtype }, w: { shape: wShape, dtype } },
    run: ({ dy, w: wt }) => conv2dBackpropInput(dy!, wt!, inputShape, options),
    reference: ({ dy, w: wt }) => conv2dBackpropInputRef(dy!, wt!, inputShape, spec),
    tolerance: sumTolerance(wShape[0] * wShape[2] * wShape[3], dtype),
  };
}

interface TransposeSpec {
  stride?: [number, number];
  padding?: [number, number];
  outputPadding?: [number, number];
  dilation?: [number, number];
  groups?: number;
}

function addBias(y: HostTensor, bias: HostTensor | undefined): HostTensor {
  if (bias === undefined) return y;
  const [, c, h, w] = y.shape as Shape4;
  const values = Array.from(y.values);
  for (let i = 0; i < values.length; i++)
    values[i] = roundTo(y.dtype, values[i]! + bias.values[Math.floor(i / (h * w)) % c]!);
  return { ...y, values };
}

function transposeCase(
  name: string,
  xShape: Shape4,
  wShape: Shape4,
  t: TransposeSpec,
  extra: { bias?: boolean; dtype?: DType } = {},
): OpCase {
  const dtype = extra.dtype ?? 'float32';
  const [sh, sw] = t.stride ?? [1, 1];
  const [ph, pw] = t.padding ?? [0, 0];
  const [oph, opw] = t.outputPadding ?? [0, 0];
  const [dh, dw] = t.dilation ?? [1, 1];
  const groups = t.groups ?? 1;
  const cOut = wShape[1] * groups;
  const oh = (xShape[2] - 1) * sh - 2 * ph + dh * (wShape[2] - 1) + oph + 1;
  const ow = (xShape[3] - 1) * sw - 2 * pw + dw * (wShape[3] - 1) + opw + 1;
  const spec = convSpec({ stride: [sh, sw], padding: [ph, ph, pw, pw], dilation: [dh, dw], groups });
  const options: ConvTranspose2dOptions = { ...t };
  return {
    name,
    inputs: {
      x: { shape: xShape, dtype },
      w: { shape: wShape, dtype },
      ...(extra.bias === true ? { bias: { shape: [cOut], dtype } } : {}),
    },
    run: ({ x, w, bias }) => convTranspose2d(x!, w!, bias ?? null, options),
    reference: ({ x, w, bias }) => addBias(conv2dBackpropInputRef(x!, w!, [xShape[0], cOut, oh, ow], spec), bias),
    tolerance: sumTolerance(wShape[0] * wShape[2] * wShape[3], dtype),
  };
}

const cases: OpCase[] = [
  backprop('basic [2,3,6,5] ← [4,3,3,3]', [2, 3, 6, 5], [4, 3, 3, 3], {}, convSpec()),
  backprop(
    'stride 2, padding 1',
    [2, 3, 7, 7],
    [4, 3, 3, 3],
    { stride: 2, padding: 1 },
    convSpec({ stride: [2, 2], padding: [1, 1, 1, 1] }),
  ),
  backprop(
    'stride 2 with rows no window reaches',
    [1, 2, 8, 6],
    [2, 2, 3, 3],
    { stride: [3, 2] },
    convSpec({ stride: [3, 2] }),
  ),
  backprop(
    'asymmetric padding [0,2,1,0] and dilation 2',
    [1, 2, 7, 6],
    [3, 2, 2, 3],
    { padding: [0, 2, 1, 0], dilation: 2 },
    convSpec({ padding: [0, 2, 1, 0], dilation: [2, 2] }),
  ),
  backprop(
    'groups 2',
    [2, 4, 5, 5],
    [6, 2, 3, 3],
    { groups: 2, padding: 1 },
    convSpec({ groups: 2, padding: [1, 1, 1, 1] }),
  ),
  backprop('depthwise', [1, 3, 5, 4], [3, 1, 2, 2], { groups: 3 }, convSpec({ groups: 3 })),
  backprop('pointwise 1×1', [2, 5, 3, 4], [7, 5, 1, 1], {}, convSpec()),
  backprop(
    'MNIST-like [2,8,14,14] ← [16,8,3,3] pad 1',
    [2, 8, 14, 14],
    [16, 8, 3, 3],
    { padding: 1 },
    convSpec({ padding: [1, 1, 1, 1] }),
  ),
  backprop('empty batch', [0, 2, 4, 4], [3, 2, 3, 3], {}, convSpec()),
  backprop(
    'float64',
    [1, 2, 5, 5],
    [3, 2, 3, 2],
    { stride: 2, padding: 1 },
    convSpec({ stride: [2, 2], padding: [1, 1, 1, 1] }),
    'float64',
  ),
  transposeCase('convTranspose2d basic', [2, 3, 4, 5], [3, 2, 3, 3], {}),
  transposeCase(
    'convTranspose2d stride 2, padding 1, outputPadding 1, bias',
    [1, 4, 5, 5],
    [4, 2, 3, 3],
    { stride: [2, 2], padding: [1, 1], outputPadding: [1, 1] },
    { bias: true },
  ),
  transposeCase('convTranspose2d groups 2, stride [2,3]', [2, 4, 3, 3], [4, 3, 2, 2], { stride: [2, 3], groups: 2 }),
  transposeCase('convTranspose2d outputPadding < dilation (≥ stride)', [1, 2, 4, 4], [2, 2, 3, 3], {
    dilation: [2, 2],
    outputPadding: [1, 1],
  }),
  transposeCase(
    'convTranspose2d float64 with bias',
    [1, 2, 3, 3],
    [2, 3, 2, 2],
    { stride: [2, 2] },
    { dtype: 'float64', bias: true },
  ),
  transposeCase('convTranspose2d empty batch', [0, 2, 3, 3], [2, 3, 2, 2], {}),
  {
    name: 'convTranspose2d unbatched',
    inputs: { x: { shape: [2, 3, 3] }, w: { shape: [2, 1, 2, 2] } },
    run: ({ x, w }) => convTranspose2d(x!, w!, null, { stride: 2 }),
    reference: ({ x, w }) =>
      reshapeHost(
        conv2dBackpropInputRef(reshapeHost(x!, [1, 2, 3, 3]), w!, [1, 1, 6, 6], convSpec({ stride: [2, 2] })),
        [1, 6, 6],
      ),
    tolerance: sumTolerance(8),
  },
];

const errors: ErrorCase[] = [
  {
    name: 'dy is not the forward output shape',
    inputs: { dy: { shape: [1, 2, 4, 4] }, w: { shape: [2, 1, 3, 3] } },
    run: ({ dy, w }) => conv2dBackpropInput(dy!, w!, [1, 1, 5, 5]),
    error: ShapeError,
  },
  {
    name: 'inputShape channels do not match the weight',
    inputs: { dy: { shape: [1, 2, 3, 3] }, w: { shape: [2, 1, 3, 3] } },
    run: ({ dy, w }) => conv2dBackpropInput(dy!, w!, [1, 2, 5, 5]),
    error: ShapeError,
  },
  {
    name: 'inputShape of rank 3',
    inputs: { dy: { shape: [1, 2, 3, 3] }, w: { shape: [2, 1, 3, 3] } },
    run: ({ dy, w }) => conv2dBackpropInput(dy!, w!, [1, 5, 5] as unknown as [number, number, number, number]),
    error: ArgumentError,
  },
  {
    name: 'convTranspose2d outputPadding not below stride or dilation',
    inputs: { x: { shape: [1, 1, 3, 3] }, w: { shape: [1, 1, 3, 3] } },
    run: ({ x, w }) => convTranspose2d(x!, w!, null, { stride: 2, outputPadding: 2 }),
    error: ArgumentError,
  },
  {
    name: 'convTranspose2d weight rows ≠ input channels',
    inputs: { x: { shape: [1, 3, 3, 3] }, w: { shape: [2, 1, 3, 3] } },
    run: ({ x, w }) => convTranspose2d(x!, w!),
    error: ShapeError,
  },
  {
    name: 'convTranspose2d channels not divisible by groups',
    inputs: { x: { shape: [1, 3, 3, 3] }, w: { shape: [3, 1, 3, 3] } },
    run: ({ x, w }) => convTranspose2d(x!, w!, null, { groups: 2 }),
    error: ShapeError,
  },
  {
    name: 'convTranspose2d padding leaves no output',
    inputs: { x: { shape: [1, 1, 1, 1] }, w: { shape: [1, 1, 1, 1] } },
    run: ({ x, w }) => convTranspose2d(x!, w!, null, { padding: 1 }),
    error: ShapeError,
  },
  {
    name: 'int32 dy',
    inputs: { dy: { shape: [1, 1, 2, 2], dtype: 'int32' }, w: { shape: [1, 1, 2, 2] } },
    run: ({ dy, w }) => conv2dBackpropInput(dy!, w!, [1, 1, 3, 3]),
    error: DTypeError,
  },
];

/** Cases of the `Conv2DBackpropInput` primitive (`conv2dBackpropInput`, `convTranspose2d`). */
export const conv2DBackpropInputTable: CaseTable = { op: 'Conv2DBackpropInput', cases, errors };
