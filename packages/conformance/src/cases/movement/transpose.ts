import { ArgumentError, IndexError, permute, transpose } from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import { b8, f32, f64, i32, refPermute } from './ref.js';

/** `Transpose`, reached through transpose and permute. */
export const transposeCases: CaseTable = {
  op: 'Transpose',
  cases: [
    {
      name: 'transpose [5,7]',
      inputs: { x: f32([5, 7]) },
      run: ({ x }) => transpose(x!, 0, 1),
      reference: ({ x }) => refPermute(x!, [1, 0]),
    },
    {
      name: 'transpose [37,70] (partial tiles)',
      inputs: { x: f32([37, 70]) },
      run: ({ x }) => transpose(x!, 1, 0),
      reference: ({ x }) => refPermute(x!, [1, 0]),
    },
    {
      name: 'batched transpose [3,33,34]',
      inputs: { x: f32([3, 33, 34]) },
      run: ({ x }) => transpose(x!, -1, -2),
      reference: ({ x }) => refPermute(x!, [0, 2, 1]),
    },
    {
      name: 'permute [2,3,4] by [2,0,1]',
      inputs: { x: f32([2, 3, 4]) },
      run: ({ x }) => permute(x!, [2, 0, 1]),
      reference: ({ x }) => refPermute(x!, [2, 0, 1]),
    },
    {
      name: 'permute NCHW to NHWC',
      inputs: { x: f32([2, 3, 4, 5]) },
      run: ({ x }) => permute(x!, [0, 2, 3, 1]),
      reference: ({ x }) => refPermute(x!, [0, 2, 3, 1]),
    },
    {
      name: 'permute [2,3,4,5] by [3,1,2,0] (general)',
      inputs: { x: f32([2, 3, 4, 5]) },
      run: ({ x }) => permute(x!, [3, 1, 2, 0]),
      reference: ({ x }) => refPermute(x!, [3, 1, 2, 0]),
    },
    {
      name: 'reverse the dims of [4,3,2]',
      inputs: { x: f32([4, 3, 2]) },
      run: ({ x }) => permute(x!, [2, 1, 0]),
      reference: ({ x }) => refPermute(x!, [2, 1, 0]),
    },
    {
      name: 'swap outer dims of [3,4,5] (rows stay contiguous)',
      inputs: { x: f32([3, 4, 5]) },
      run: ({ x }) => transpose(x!, 0, 1),
      reference: ({ x }) => refPermute(x!, [1, 0, 2]),
    },
    {
      name: 'permute with size-1 dims [2,1,3,1,4]',
      inputs: { x: f32([2, 1, 3, 1, 4]) },
      run: ({ x }) => permute(x!, [4, 2, 0, 3, 1]),
      reference: ({ x }) => refPermute(x!, [4, 2, 0, 3, 1]),
    },
    {
      name: 'permute [1,3,1,1,3] by [3,1,4,0,2] (an identity once size-1 dims go)',
      inputs: { x: f32([1, 3, 1, 1, 3]) },
      run: ({ x }) => permute(x!, [3, 1, 4, 0, 2]),
      reference: ({ x }) => refPermute(x!, [3, 1, 4, 0, 2]),
    },
    {
      name: 'permute with negative dims',
      inputs: { x: f32([2, 3, 4]) },
      run: ({ x }) => permute(x!, [-1, 0, -2]),
      reference: ({ x }) => refPermute(x!, [2, 0, 1]),
    },
    {
      name: 'identity permutation',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => permute(x!, [0, 1]),
      reference: ({ x }) => refPermute(x!, [0, 1]),
    },
    {
      name: 'transpose int32 [6,9]',
      inputs: { x: i32([6, 9]) },
      run: ({ x }) => transpose(x!, 0, 1),
      reference: ({ x }) => refPermute(x!, [1, 0]),
    },
    {
      name: 'transpose bool [4,5,6]',
      inputs: { x: b8([4, 5, 6]) },
      run: ({ x }) => transpose(x!, 0, 2),
      reference: ({ x }) => refPermute(x!, [2, 1, 0]),
    },
    {
      name: 'transpose float64 [40,3]',
      inputs: { x: f64([40, 3]) },
      run: ({ x }) => transpose(x!, 0, 1),
      reference: ({ x }) => refPermute(x!, [1, 0]),
    },
    {
      name: 'transpose a scalar',
      inputs: { x: f32([]) },
      run: ({ x }) => transpose(x!, 0, -1),
      reference: ({ x }) => refPermute(x!, []),
    },
    {
      name: 'transpose size-0 [0,3]',
      inputs: { x: f32([0, 3]) },
      run: ({ x }) => transpose(x!, 0, 1),
      reference: ({ x }) => refPermute(x!, [1, 0]),
    },
  ],
  errors: [
    {
      name: 'permute with a repeated dim',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => permute(x!, [0, 0]),
      error: ArgumentError,
    },
    {
      name: 'permute with too few dims',
      inputs: { x: f32([2, 3, 4]) },
      run: ({ x }) => permute(x!, [1, 0]),
      error: ArgumentError,
    },
    {
      name: 'permute with a dim out of range',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => permute(x!, [0, 2]),
      error: IndexError,
    },
    {
      name: 'transpose a dim out of range',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => transpose(x!, 0, 2),
      error: IndexError,
    },
  ],
};
