// Argument checks shared by the recurrent functions and modules (internal).
import { ArgumentError, DTypeError, isFloat, ShapeError, type DType, type Tensor } from '@nn/tensor';
import { checkTensorArg as checkTensor, shapeText, show } from '../../layers/checks.js';
import type { RecurrentWeights, RNNNonlinearity } from './types.js';

/**
 * Which recurrence a layer runs (`'rnn_tanh'`, `'rnn_relu'`, `'lstm'`, `'gru'`, PyTorch's mode names):
 * the step function and how many gates are stacked in the weights.
 * @category Recurrent
 */
export type CellKind = 'rnn_tanh' | 'rnn_relu' | 'lstm' | 'gru';

/** Gates stacked along dim 0 of the weights: RNN 1, LSTM 4 (i, f, g, o), GRU 3 (r, z, n). */
export function gateCount(kind: CellKind): number {
  return kind === 'lstm' ? 4 : kind === 'gru' ? 3 : 1;
}

/** Checks `x` has the recurrence's float dtype. */
export function checkDType(op: string, arg: string, x: Tensor, dtype: DType): void {
  if (x.dtype !== dtype) {
    throw new DTypeError({ op, arg, expected: `a ${dtype} tensor (the dtype of the weights)`, got: x.dtype });
  }
}

/** Checks a state tensor has exactly `shape`. */
export function checkShape(op: string, arg: string, x: Tensor, shape: readonly number[], what: string): void {
  if (x.rank !== shape.length || x.shape.some((d, i) => d !== shape[i])) {
    throw new ShapeError({
      op,
      arg,
      expected: `shape ${shapeText(shape)} (${what})`,
      got: `shape ${shapeText(x.shape)}`,
    });
  }
}

/**
 * Checks the input `x` of a cell or a layer: a tensor of one of `ranks` (`layouts` names them in the
 * error), with the weights' `inputSize` as its last dim and their dtype.
 */
export function checkInput(
  op: string,
  x: Tensor,
  ranks: readonly number[],
  layouts: string,
  { inputSize, dtype }: WeightInfo,
): void {
  checkTensor(op, 'x', x);
  if (!ranks.includes(x.rank)) {
    throw new ShapeError({ op, arg: 'x', expected: layouts, got: `shape ${shapeText(x.shape)}` });
  }
  if (x.shape[x.rank - 1] !== inputSize) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: `a last dim of ${inputSize} (inputSize)`,
      got: `shape ${shapeText(x.shape)}`,
    });
  }
  checkDType(op, 'x', x, dtype);
}

/**
 * Checks the given states (`states[i]` named `names[i]` in errors): each a tensor of exactly `shape`
 * (`what` describes it) in `dtype`.
 */
export function checkStates(
  op: string,
  names: readonly string[],
  states: readonly Tensor[],
  shape: readonly number[],
  what: string,
  dtype: DType,
): void {
  names.forEach((name, i) => {
    const s = checkTensor(op, name, states[i]);
    checkShape(op, name, s, shape, what);
    checkDType(op, name, s, dtype);
  });
}

/** `'tanh'` or `'relu'`. */
export function checkNonlinearity(op: string, value: unknown): RNNNonlinearity {
  if (value === undefined) return 'tanh';
  if (value !== 'tanh' && value !== 'relu') {
    throw new ArgumentError({ op, arg: 'nonlinearity', expected: "'tanh' or 'relu'", got: show(value) });
  }
  return value;
}

/** What one layer-direction's weights say about the recurrence. */
export interface WeightInfo {
  inputSize: number;
  hiddenSize: number;
  dtype: DType;
}

/**
 * Checks one set of weights: `weightIh: [G·H, inputSize]`, `weightHh: [G·H, H]`, biases `[G·H]` or
 * null, all of one float dtype. `want` pins the input size, hidden size and dtype where known.
 */
export function checkWeights(
  op: string,
  arg: string,
  kind: CellKind,
  w: RecurrentWeights,
  want: Partial<WeightInfo> = {},
): WeightInfo {
  if (w === null || typeof w !== 'object') {
    throw new ArgumentError({ op, arg, expected: '{ weightIh, weightHh, biasIh?, biasHh? }', got: show(w) });
  }
  const gates = gateCount(kind);
  const wHh = checkTensor(op, `${arg}.weightHh`, w.weightHh);
  const wIh = checkTensor(op, `${arg}.weightIh`, w.weightIh);
  if (wHh.rank !== 2 || wHh.shape[1]! < 1 || wHh.shape[0] !== gates * wHh.shape[1]!) {
    throw new ShapeError({
      op,
      arg: `${arg}.weightHh`,
      expected: `shape [${gates}·H, H] (${gates} gate${gates > 1 ? 's' : ''}, H ≥ 1)`,
      got: `shape ${shapeText(wHh.shape)}`,
    });
  }
  const hiddenSize = wHh.shape[1]!;
  if (want.hiddenSize !== undefined && hiddenSize !== want.hiddenSize) {
    throw new ShapeError({
      op,
      arg: `${arg}.weightHh`,
      expected: `shape [${gates * want.hiddenSize},${want.hiddenSize}] (the hidden size of the other layers)`,
      got: `shape ${shapeText(wHh.shape)}`,
    });
  }
  const rows = gates * hiddenSize;
  if (wIh.rank !== 2 || wIh.shape[0] !== rows || (want.inputSize !== undefined && wIh.shape[1] !== want.inputSize)) {
    const cols = want.inputSize ?? 'inputSize';
    throw new ShapeError({
      op,
      arg: `${arg}.weightIh`,
      expected: `shape [${rows},${cols}]`,
      got: `shape ${shapeText(wIh.shape)}`,
    });
  }
  const dtype = want.dtype ?? wIh.dtype;
  if (!isFloat(dtype)) throw new DTypeError({ op, arg: `${arg}.weightIh`, expected: 'float32 or float64', got: dtype });
  checkDType(op, `${arg}.weightIh`, wIh, dtype);
  checkDType(op, `${arg}.weightHh`, wHh, dtype);
  for (const key of ['biasIh', 'biasHh'] as const) {
    const b = w[key];
    if (b === null || b === undefined) continue;
    checkTensor(op, `${arg}.${key}`, b);
    checkShape(op, `${arg}.${key}`, b, [rows], `${gates}·H`);
    checkDType(op, `${arg}.${key}`, b, dtype);
  }
  return { inputSize: wIh.shape[1]!, hiddenSize, dtype };
}

export { checkTensor, shapeText, show };
