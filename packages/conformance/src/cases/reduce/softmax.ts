import { ArgumentError, IndexError, logSoftmax, softmax, type DType, type Tensor } from '@nn/tensor';
import type { CaseTable, ErrorCase, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { mapLines } from './reference.js';

/** Softmax of one line in double, max-shifted (NaN where the shift is not finite, like PyTorch). */
function softmaxLine(line: number[], log: boolean): number[] {
  let m = -Infinity;
  for (const v of line) if (v > m) m = v;
  let s = 0;
  for (const v of line) s += Math.exp(v - m);
  return line.map((v) => (log ? v - m - Math.log(s) : Math.exp(v - m) / s));
}

function softmaxRef(x: HostTensor, dim: number, log: boolean): HostTensor {
  const rank = x.shape.length;
  const axis = rank === 0 ? 0 : dim < 0 ? dim + rank : dim;
  const dtype: DType = x.dtype === 'float64' ? 'float64' : 'float32';
  return mapLines(x, axis, dtype, (line) => softmaxLine(line, log));
}

type SoftmaxCall = (x: Tensor, dim?: number) => Tensor;

function softmaxGrid(label: string, call: SoftmaxCall, log: boolean): OpCase[] {
  const c = (name: string, x: InputSpec, dim: number | undefined): OpCase => ({
    name: `${label} ${name}`,
    inputs: { x },
    run: ({ x: t }) => (dim === undefined ? call(t!) : call(t!, dim)),
    reference: ({ x: h }) => softmaxRef(h!, dim ?? -1, log),
  });
  return [
    c('default dim (last) of [4,5]', { shape: [4, 5] }, undefined),
    c('first dim of [6,5,4]', { shape: [6, 5, 4] }, 0),
    c('middle dim of [4,6,5]', { shape: [4, 6, 5] }, 1),
    c('last dim of [4,5,6]', { shape: [4, 5, 6] }, -1),
    c('long rows [3,1000]', { shape: [3, 1000], range: [-10, 10] }, 1),
    c('1-D', { shape: [7] }, 0),
    c('scalar input', { shape: [] }, 0),
    c('odd shape [7,13,5] dim 1', { shape: [7, 13, 5] }, 1),
    c('size-1 dim (all ones / zeros)', { shape: [4, 1, 3] }, 1),
    c('empty [0,3]', { shape: [0, 3] }, 1),
    c('empty dim [3,0]', { shape: [3, 0] }, 1),
    c('large logits do not overflow', { shape: [2, 2], values: [1000, 0, -1000, -999] }, 1),
    c('large logits along dim 0', { shape: [2, 2], values: [1000, 0, 0, 1000] }, 0),
    c('-Inf logits give 0 (log: -Inf)', { shape: [1, 3], values: [-Infinity, 0, 1] }, 1),
    c('a row of all -Inf gives NaN', { shape: [2, 2], values: [-Infinity, -Infinity, 1, 2] }, 1),
    c('NaN makes its row NaN', { shape: [2, 3], values: [1, NaN, 2, 0, 1, 2] }, 1),
    c('+Inf makes its row NaN', { shape: [2, 2], values: [Infinity, 0, 0, 0] }, 1),
    c('int32 input gives float32', { shape: [3, 4], dtype: 'int32' }, 1),
    c('bool input gives float32', { shape: [3, 4], dtype: 'bool' }, 0),
    c('float64', { shape: [4, 5], dtype: 'float64', range: [-30, 30] }, 1),
  ];
}

function softmaxErrors(label: string, call: SoftmaxCall): ErrorCase[] {
  return [
    { name: `${label} dim 2 of a rank-2 tensor`, inputs: { x: { shape: [2, 3] } }, run: ({ x }) => call(x!, 2), error: IndexError },
    { name: `${label} dim -3 of a rank-2 tensor`, inputs: { x: { shape: [2, 3] } }, run: ({ x }) => call(x!, -3), error: IndexError },
    { name: `${label} non-integer dim`, inputs: { x: { shape: [2, 3] } }, run: ({ x }) => call(x!, 0.5), error: ArgumentError },
    { name: `${label} not a tensor`, inputs: {}, run: () => call([1, 2] as never), error: ArgumentError },
  ];
}

/** Cases of `Softmax`, reached through `softmax`. */
export const softmaxCases: CaseTable = {
  op: 'Softmax',
  cases: softmaxGrid('softmax', softmax, false),
  errors: softmaxErrors('softmax', softmax),
};

/** Cases of `LogSoftmax`, reached through `logSoftmax`. */
export const logSoftmaxCases: CaseTable = {
  op: 'LogSoftmax',
  cases: softmaxGrid('logSoftmax', logSoftmax, true),
  errors: softmaxErrors('logSoftmax', logSoftmax),
};
