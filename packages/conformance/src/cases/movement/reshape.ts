import { ArgumentError, flatten, IndexError, reshape, ShapeError, squeeze, unsqueeze } from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import { b8, f32, f64, i32, refReshape } from './ref.js';

/** `Reshape`, reached through reshape, flatten, squeeze and unsqueeze. */
export const reshapeCases: CaseTable = {
  op: 'Reshape',
  cases: [
    {
      name: 'reshape [2,3] to [3,2]',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => reshape(x!, [3, 2]),
      reference: ({ x }) => refReshape(x!, [3, 2]),
    },
    {
      name: 'reshape [2,3,4] with -1',
      inputs: { x: f32([2, 3, 4]) },
      run: ({ x }) => reshape(x!, [4, -1]),
      reference: ({ x }) => refReshape(x!, [4, 6]),
    },
    {
      name: 'reshape a scalar to [1,1]',
      inputs: { x: f32([]) },
      run: ({ x }) => reshape(x!, [1, 1]),
      reference: ({ x }) => refReshape(x!, [1, 1]),
    },
    {
      name: 'reshape [1] to a scalar',
      inputs: { x: f32([1]) },
      run: ({ x }) => reshape(x!, []),
      reference: ({ x }) => refReshape(x!, []),
    },
    {
      name: 'reshape size-0 [0,3] to [3,0,2]',
      inputs: { x: f32([0, 3]) },
      run: ({ x }) => reshape(x!, [3, 0, 2]),
      reference: ({ x }) => refReshape(x!, [3, 0, 2]),
    },
    {
      name: 'reshape size-0 [2,0] with -1',
      inputs: { x: f32([2, 0]) },
      run: ({ x }) => reshape(x!, [-1]),
      reference: ({ x }) => refReshape(x!, [0]),
    },
    {
      name: 'reshape int32 [5,7] to [7,5]',
      inputs: { x: i32([5, 7]) },
      run: ({ x }) => reshape(x!, [7, 5]),
      reference: ({ x }) => refReshape(x!, [7, 5]),
    },
    {
      name: 'reshape bool [6] to [2,-1]',
      inputs: { x: b8([6]) },
      run: ({ x }) => reshape(x!, [2, -1]),
      reference: ({ x }) => refReshape(x!, [2, 3]),
    },
    {
      name: 'reshape float64 [3,5] to [15]',
      inputs: { x: f64([3, 5]) },
      run: ({ x }) => reshape(x!, [15]),
      reference: ({ x }) => refReshape(x!, [15]),
    },
    {
      name: 'flatten [2,3,4] fully',
      inputs: { x: f32([2, 3, 4]) },
      run: ({ x }) => flatten(x!),
      reference: ({ x }) => refReshape(x!, [24]),
    },
    {
      name: 'flatten [2,3,4,5] dims 1..2',
      inputs: { x: i32([2, 3, 4, 5]) },
      run: ({ x }) => flatten(x!, 1, 2),
      reference: ({ x }) => refReshape(x!, [2, 12, 5]),
    },
    {
      name: 'flatten a scalar to [1]',
      inputs: { x: f64([]) },
      run: ({ x }) => flatten(x!),
      reference: ({ x }) => refReshape(x!, [1]),
    },
    {
      name: 'squeeze every size-1 dim',
      inputs: { x: f32([1, 3, 1, 2, 1]) },
      run: ({ x }) => squeeze(x!),
      reference: ({ x }) => refReshape(x!, [3, 2]),
    },
    {
      name: 'squeeze listed dims, ignoring a non-1 dim',
      inputs: { x: b8([1, 3, 1, 2]) },
      run: ({ x }) => squeeze(x!, [0, 1, -2]),
      reference: ({ x }) => refReshape(x!, [3, 2]),
    },
    {
      name: 'squeeze a scalar',
      inputs: { x: f32([]) },
      run: ({ x }) => squeeze(x!, 0),
      reference: ({ x }) => refReshape(x!, []),
    },
    {
      name: 'unsqueeze at the end',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => unsqueeze(x!, -1),
      reference: ({ x }) => refReshape(x!, [2, 3, 1]),
    },
    {
      name: 'unsqueeze a scalar',
      inputs: { x: i32([]) },
      run: ({ x }) => unsqueeze(x!, 0),
      reference: ({ x }) => refReshape(x!, [1]),
    },
    {
      name: 'unsqueeze a size-0 tensor',
      inputs: { x: f32([0, 2]) },
      run: ({ x }) => unsqueeze(x!, 1),
      reference: ({ x }) => refReshape(x!, [0, 1, 2]),
    },
  ],
  errors: [
    { name: 'reshape [2,3] to [4]', inputs: { x: f32([2, 3]) }, run: ({ x }) => reshape(x!, [4]), error: ShapeError },
    {
      name: 'reshape [2,3] to [4,-1]',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => reshape(x!, [4, -1]),
      error: ShapeError,
    },
    {
      name: 'reshape with two -1',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => reshape(x!, [-1, -1]),
      error: ArgumentError,
    },
    {
      name: 'reshape with a non-integer dim',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => reshape(x!, [2.5, 2]),
      error: ArgumentError,
    },
    {
      name: 'reshape size-0 with an ambiguous -1',
      inputs: { x: f32([0, 3]) },
      run: ({ x }) => reshape(x!, [0, -1]),
      error: ShapeError,
    },
    {
      name: 'flatten with startDim after endDim',
      inputs: { x: f32([2, 3, 4]) },
      run: ({ x }) => flatten(x!, 2, 1),
      error: ArgumentError,
    },
    {
      name: 'squeeze a dim out of range',
      inputs: { x: f32([1, 2]) },
      run: ({ x }) => squeeze(x!, 2),
      error: IndexError,
    },
    {
      name: 'unsqueeze a dim out of range',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => unsqueeze(x!, 4),
      error: IndexError,
    },
  ],
};
