import { argmax, argmin, ArgumentError, IndexError, type Tensor } from '@nn/tensor';
import type { CaseTable, ErrorCase, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { size } from '../../host.js';
import { mapLines, reducedShapeOf } from './reference.js';

type ArgCall = (x: Tensor, dim?: number, keepDim?: boolean) => Tensor;

/** Index of the first extreme of a line; NaN counts as the extreme (first NaN wins). */
function argOfLine(line: readonly number[], isMax: boolean): number {
  let at = 0;
  for (let i = 0; i < line.length; i++) {
    const v = line[i]!;
    if (Number.isNaN(v)) return i;
    if (isMax ? v > line[at]! : v < line[at]!) at = i;
  }
  return at;
}

/** ArgMax/ArgMin reference along `dim`, or over the flattened tensor when `dim` is undefined. */
function argRef(x: HostTensor, dim: number | undefined, keepDim: boolean, isMax: boolean): HostTensor {
  if (dim === undefined) {
    const shape = keepDim ? x.shape.map(() => 1) : [];
    return { shape, dtype: 'int32', values: [argOfLine(Array.from(x.values), isMax)] };
  }
  const rank = x.shape.length;
  const axis = rank === 0 ? 0 : dim < 0 ? dim + rank : dim;
  // Write each line's answer at its position 0, then pick those positions out.
  const marked = mapLines(x, axis, 'float64', (line) => line.map((_, r) => (r === 0 ? argOfLine(line, isMax) : 0)));
  const len = rank === 0 ? 1 : x.shape[axis]!;
  let inner = 1;
  for (let i = axis + 1; i < rank; i++) inner *= x.shape[i]!;
  const shape = rank === 0 ? [] : reducedShapeOf(x.shape, [axis], keepDim);
  const values: number[] = [];
  for (let o = 0; o < size(shape); o++) values.push(marked.values[Math.floor(o / inner) * len * inner + (o % inner)]!);
  return { shape, dtype: 'int32', values };
}

function argCases(label: string, call: ArgCall, isMax: boolean): OpCase[] {
  const c = (name: string, x: InputSpec, dim: number | undefined, keepDim = false): OpCase => ({
    name: `${label} ${name}`,
    inputs: { x },
    run: ({ x: t }) => (keepDim ? call(t!, dim, true) : dim === undefined ? call(t!) : call(t!, dim)),
    reference: ({ x: h }) => argRef(h!, dim, keepDim, isMax),
  });
  return [
    c('flattened [3,4,5]', { shape: [3, 4, 5] }, undefined),
    c('flattened keepDim [2,3]', { shape: [2, 3] }, undefined, true),
    c('first dim of [6,5,4]', { shape: [6, 5, 4] }, 0),
    c('middle dim of [4,6,5]', { shape: [4, 6, 5] }, 1),
    c('last dim of [4,5,6]', { shape: [4, 5, 6] }, -1),
    c('last dim of long rows [3,1000]', { shape: [3, 1000] }, 1),
    c('keepDim on dim 1 of [3,4,5]', { shape: [3, 4, 5] }, 1, true),
    c('scalar input', { shape: [] }, undefined),
    c('scalar input dim 0 keepDim', { shape: [] }, 0, true),
    c('1-D input', { shape: [9] }, 0),
    c('odd shape [7,13,5] dim 2', { shape: [7, 13, 5] }, 2),
    c('size-1 dim', { shape: [4, 1, 3] }, 1),
    c('empty output [0,3] over dim 1', { shape: [0, 3] }, 1),
    c('ties: the first occurrence wins (rows)', { shape: [2, 4], values: [1, 3, 3, 0, 2, 2, 2, 2] }, 1),
    c('ties: the first occurrence wins (columns)', { shape: [3, 2], values: [5, 1, 5, 1, 0, 1] }, 0),
    c('NaN counts as the extreme (rows)', { shape: [2, 4], values: [1, NaN, 9, NaN, -9, 2, 1, NaN] }, 1),
    c('NaN counts as the extreme (columns)', { shape: [3, 2], values: [1, 2, NaN, -5, 9, NaN] }, 0),
    c('NaN in the flattened tensor', { shape: [2, 2], values: [4, -4, NaN, 0] }, undefined),
    c('±Inf', { shape: [2, 3], values: [-Infinity, Infinity, 0, -Infinity, -Infinity, -Infinity] }, 1),
    c('int32 over dim 0', { shape: [6, 5], dtype: 'int32', range: [-3, 3] }, 0),
    c('int32 extremes', { shape: [3], dtype: 'int32', values: [-2147483648, 2147483647, 0] }, 0),
    c('bool over dim 1', { shape: [4, 3], dtype: 'bool' }, 1),
    c('float64 over dim 1', { shape: [5, 7], dtype: 'float64' }, 1),
  ];
}

function argErrors(label: string, call: ArgCall): ErrorCase[] {
  return [
    { name: `${label} dim 2 of a rank-2 tensor`, inputs: { x: { shape: [2, 3] } }, run: ({ x }) => call(x!, 2), error: IndexError },
    { name: `${label} dim -3 of a rank-2 tensor`, inputs: { x: { shape: [2, 3] } }, run: ({ x }) => call(x!, -3), error: IndexError },
    { name: `${label} over an empty dim`, inputs: { x: { shape: [3, 0] } }, run: ({ x }) => call(x!, 1), error: IndexError },
    { name: `${label} of an empty tensor`, inputs: { x: { shape: [0] } }, run: ({ x }) => call(x!), error: IndexError },
    { name: `${label} a dim list`, inputs: { x: { shape: [2, 3] } }, run: ({ x }) => call(x!, [0, 1] as unknown as number), error: ArgumentError },
    { name: `${label} non-integer dim`, inputs: { x: { shape: [2, 3] } }, run: ({ x }) => call(x!, 1.5), error: ArgumentError },
    { name: `${label} not a tensor`, inputs: {}, run: () => call(3 as unknown as Tensor), error: ArgumentError },
  ];
}

/** Cases of `ArgMax`, reached through `argmax`. */
export const argMaxCases: CaseTable = { op: 'ArgMax', cases: argCases('argmax', argmax, true), errors: argErrors('argmax', argmax) };

/** Cases of `ArgMin`, reached through `argmin`. */
export const argMinCases: CaseTable = { op: 'ArgMin', cases: argCases('argmin', argmin, false), errors: argErrors('argmin', argmin) };
