import { DTypeError, IndexError, oneHot, scatterAdd, ShapeError } from '@nn/tensor';
import type { CaseTable, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { build, size } from '../../host.js';
import { b8, f32, f64, i32, idx, ints, refScatterAdd } from './ref.js';

function scatterCase(name: string, x: InputSpec, dim: number, index: InputSpec, src: InputSpec): OpCase {
  return {
    name,
    inputs: { x, index, src },
    run: ({ x: t, index: i, src: s }) => scatterAdd(t!, dim, i!, s!),
    reference: ({ x: h, index: i, src: s }) => refScatterAdd(h!, dim < 0 ? dim + h!.shape.length : dim, i!, s!),
  };
}

function refOneHot(indices: HostTensor, numClasses: number, dtype: HostTensor['dtype']): HostTensor {
  const shape = [...indices.shape, numClasses];
  return build(shape, dtype, (i) => (indices.values[Math.floor(i / numClasses)] === i % numClasses ? 1 : 0));
}

/** `ScatterAdd`, reached through scatterAdd and oneHot. */
export const scatterAddCases: CaseTable = {
  op: 'ScatterAdd',
  cases: [
    scatterCase('1-D with repeated positions', f32([3]), 0, ints([5], [0, 2, 0, 0, 1]), f32([5])),
    scatterCase('dim 0 of [4,3]', f32([4, 3]), 0, idx([6, 3], 4), f32([6, 3])),
    scatterCase('dim 1 of [3,5], index smaller than x', f32([3, 5]), 1, idx([2, 8], 5), f32([2, 8])),
    scatterCase('src larger than index', f32([3, 4]), -1, idx([2, 3], 4), f32([3, 5])),
    scatterCase('dim 1 of [2,3,4]', f32([2, 3, 4]), 1, idx([2, 6, 4], 3), f32([2, 6, 4])),
    scatterCase('an empty index leaves x', f32([2, 2]), 0, ints([0, 2], []), f32([1, 2])),
    scatterCase('0-d', f32([]), 0, ints([], [0]), f32([])),
    scatterCase('int32', i32([3, 3]), 0, idx([5, 3], 3), i32([5, 3])),
    scatterCase('bool ors', b8([4]), 0, idx([6], 4), b8([6])),
    scatterCase('float64', f64([4, 2]), 0, idx([7, 2], 4), f64([7, 2])),
    {
      name: 'oneHot float32',
      inputs: { indices: ints([4], [2, 0, 1, 2]) },
      run: ({ indices }) => oneHot(indices!, 3),
      reference: ({ indices }) => refOneHot(indices!, 3, 'float32'),
    },
    {
      name: 'oneHot [2,3] to int32',
      inputs: { indices: idx([2, 3], 5) },
      run: ({ indices }) => oneHot(indices!, 5, { dtype: 'int32' }),
      reference: ({ indices }) => refOneHot(indices!, 5, 'int32'),
    },
    {
      name: 'oneHot a scalar to bool',
      inputs: { indices: ints([], [1]) },
      run: ({ indices }) => oneHot(indices!, 2, { dtype: 'bool' }),
      reference: ({ indices }) => refOneHot(indices!, 2, 'bool'),
    },
    {
      name: 'oneHot of no indices',
      inputs: { indices: ints([0], []) },
      run: ({ indices }) => oneHot(indices!, 4, { dtype: 'float64' }),
      reference: () => ({ shape: [0, 4], dtype: 'float64', values: new Array<number>(size([0, 4])).fill(0) }),
    },
  ],
  errors: [
    {
      name: 'an index past the end',
      inputs: { x: f32([3]), index: ints([2], [1, 3]), src: f32([2]) },
      run: ({ x, index, src }) => scatterAdd(x!, 0, index!, src!),
      error: IndexError,
    },
    {
      name: 'a negative index',
      inputs: { x: f32([3]), index: ints([1], [-1]), src: f32([1]) },
      run: ({ x, index, src }) => scatterAdd(x!, 0, index!, src!),
      error: IndexError,
    },
    {
      name: 'a float index',
      inputs: { x: f32([3]), index: { shape: [1], values: [1] }, src: f32([1]) },
      run: ({ x, index, src }) => scatterAdd(x!, 0, index!, src!),
      error: DTypeError,
    },
    {
      name: 'src of another dtype',
      inputs: { x: f32([3]), index: ints([1], [1]), src: i32([1]) },
      run: ({ x, index, src }) => scatterAdd(x!, 0, index!, src!),
      error: DTypeError,
    },
    {
      name: 'index larger than src',
      inputs: { x: f32([3]), index: ints([2], [1, 1]), src: f32([1]) },
      run: ({ x, index, src }) => scatterAdd(x!, 0, index!, src!),
      error: ShapeError,
    },
    {
      name: 'oneHot of a class past numClasses',
      inputs: { indices: ints([2], [0, 3]) },
      run: ({ indices }) => oneHot(indices!, 3),
      error: IndexError,
    },
    {
      name: 'oneHot of float indices',
      inputs: { indices: { shape: [2], values: [0, 1] } },
      run: ({ indices }) => oneHot(indices!, 3),
      error: DTypeError,
    },
  ],
};
