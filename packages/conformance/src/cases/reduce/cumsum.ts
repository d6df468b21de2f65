import { ArgumentError, cumsum, IndexError, type DType } from '@nn/tensor';
import type { CaseTable, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { mapLines } from './reference.js';

/** Running sums in double (int32 wrapping like int32), each rounded once. */
function cumsumRef(x: HostTensor, dim: number): HostTensor {
  const rank = x.shape.length;
  const axis = rank === 0 ? 0 : dim < 0 ? dim + rank : dim;
  const dtype: DType = x.dtype === 'bool' ? 'int32' : x.dtype;
  return mapLines(x, axis, dtype, (line) => {
    let s = 0;
    return line.map((v) => (s = dtype === 'int32' ? (s + v) | 0 : s + v));
  });
}

const c = (name: string, x: InputSpec, dim: number, tolerance?: number): OpCase => ({
  name: `cumsum ${name}`,
  inputs: { x },
  run: ({ x: t }) => cumsum(t!, dim),
  reference: ({ x: h }) => cumsumRef(h!, dim),
  ...(tolerance === undefined ? {} : { tolerance: { atol: tolerance } }),
});

/** Cases of `Cumsum`, reached through `cumsum`. */
export const cumsumCases: CaseTable = {
  op: 'Cumsum',
  cases: [
    c('1-D', { shape: [10] }, 0),
    c('first dim of [5,4,3]', { shape: [5, 4, 3] }, 0),
    c('middle dim of [3,5,4]', { shape: [3, 5, 4] }, 1),
    c('last dim of [3,4,5]', { shape: [3, 4, 5] }, -1),
    c('long rows [2,2000] (K-scaled tolerance)', { shape: [2, 2000], range: [0, 1] }, 1, 1e-5 * 2000),
    c('scalar input', { shape: [] }, 0),
    c('scalar input dim -1', { shape: [] }, -1),
    c('odd shape [7,1,11] dim 2', { shape: [7, 1, 11] }, 2),
    c('size-1 dim', { shape: [4, 1, 3] }, 1),
    c('empty [0,3] along dim 0', { shape: [0, 3] }, 0),
    c('empty [3,0] along dim 0', { shape: [3, 0] }, 0),
    c('NaN and ±Inf carry forward', { shape: [2, 4], values: [1, NaN, 2, 3, Infinity, 1, -Infinity, 2] }, 1),
    c('int32', { shape: [4, 6], dtype: 'int32', range: [-50, 50] }, 1),
    c('int32 wraps like int32', { shape: [3], dtype: 'int32', values: [2147483647, 1, 1] }, 0),
    c('bool counts as int32', { shape: [3, 5], dtype: 'bool' }, 1),
    c('float64', { shape: [4, 5], dtype: 'float64' }, 0),
  ],
  errors: [
    { name: 'cumsum dim 2 of a rank-2 tensor', inputs: { x: { shape: [2, 3] } }, run: ({ x }) => cumsum(x!, 2), error: IndexError },
    { name: 'cumsum dim 1 of a scalar', inputs: { x: { shape: [] } }, run: ({ x }) => cumsum(x!, 1), error: IndexError },
    { name: 'cumsum without a dim', inputs: { x: { shape: [2, 3] } }, run: ({ x }) => cumsum(x!, undefined as unknown as number), error: ArgumentError },
    { name: 'cumsum non-integer dim', inputs: { x: { shape: [2, 3] } }, run: ({ x }) => cumsum(x!, 0.5), error: ArgumentError },
    { name: 'cumsum not a tensor', inputs: {}, run: () => cumsum([1, 2] as never, 0), error: ArgumentError },
  ],
};
