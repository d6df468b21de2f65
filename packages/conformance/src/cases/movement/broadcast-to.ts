import { ArgumentError, broadcastTo, expand, ShapeError } from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import { b8, f32, f64, i32, refBroadcast } from './ref.js';

/** `BroadcastTo`, reached through broadcastTo and expand. */
export const broadcastToCases: CaseTable = {
  op: 'BroadcastTo',
  cases: [
    {
      name: 'broadcast [3,1] to [2,3,4]',
      inputs: { x: f32([3, 1]) },
      run: ({ x }) => broadcastTo(x!, [2, 3, 4]),
      reference: ({ x }) => refBroadcast(x!, [2, 3, 4]),
    },
    {
      name: 'broadcast a scalar to [2,3]',
      inputs: { x: f32([]) },
      run: ({ x }) => broadcastTo(x!, [2, 3]),
      reference: ({ x }) => refBroadcast(x!, [2, 3]),
    },
    {
      name: 'broadcast [1,40] to [3,40] (row copies)',
      inputs: { x: f32([1, 40]) },
      run: ({ x }) => broadcastTo(x!, [3, 40]),
      reference: ({ x }) => refBroadcast(x!, [3, 40]),
    },
    {
      name: 'broadcast [5] to [4,5]',
      inputs: { x: f32([5]) },
      run: ({ x }) => broadcastTo(x!, [4, 5]),
      reference: ({ x }) => refBroadcast(x!, [4, 5]),
    },
    {
      name: 'broadcast [2,1,3,1] to [2,5,3,6]',
      inputs: { x: f32([2, 1, 3, 1]) },
      run: ({ x }) => broadcastTo(x!, [2, 5, 3, 6]),
      reference: ({ x }) => refBroadcast(x!, [2, 5, 3, 6]),
    },
    {
      name: 'broadcast to the same shape',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => broadcastTo(x!, [2, 3]),
      reference: ({ x }) => refBroadcast(x!, [2, 3]),
    },
    {
      name: 'broadcast [4] to size-0 [0,4]',
      inputs: { x: f32([4]) },
      run: ({ x }) => broadcastTo(x!, [0, 4]),
      reference: ({ x }) => refBroadcast(x!, [0, 4]),
    },
    {
      name: 'broadcast [1] to [0]',
      inputs: { x: f32([1]) },
      run: ({ x }) => broadcastTo(x!, [0]),
      reference: ({ x }) => refBroadcast(x!, [0]),
    },
    {
      name: 'expand with -1 and a new leading dim',
      inputs: { x: f32([3, 1]) },
      run: ({ x }) => expand(x!, [2, -1, 4]),
      reference: ({ x }) => refBroadcast(x!, [2, 3, 4]),
    },
    {
      name: 'expand int32 [1,3] to [4,3]',
      inputs: { x: i32([1, 3]) },
      run: ({ x }) => expand(x!, [4, 3]),
      reference: ({ x }) => refBroadcast(x!, [4, 3]),
    },
    {
      name: 'expand bool [2,1] to [2,7]',
      inputs: { x: b8([2, 1]) },
      run: ({ x }) => expand(x!, [2, 7]),
      reference: ({ x }) => refBroadcast(x!, [2, 7]),
    },
    {
      name: 'broadcast float64 [3,1,2] to [3,4,2]',
      inputs: { x: f64([3, 1, 2]) },
      run: ({ x }) => broadcastTo(x!, [3, 4, 2]),
      reference: ({ x }) => refBroadcast(x!, [3, 4, 2]),
    },
  ],
  errors: [
    { name: 'broadcast [3] to [4]', inputs: { x: f32([3]) }, run: ({ x }) => broadcastTo(x!, [4]), error: ShapeError },
    {
      name: 'broadcast [2,3] to a shorter [3]',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => broadcastTo(x!, [3]),
      error: ShapeError,
    },
    {
      name: 'expand [2] to [3,2] via a wrong dim',
      inputs: { x: f32([2]) },
      run: ({ x }) => expand(x!, [3, 3]),
      error: ShapeError,
    },
    {
      name: 'expand with -1 in a new leading dim',
      inputs: { x: f32([2]) },
      run: ({ x }) => expand(x!, [-1, 2]),
      error: ArgumentError,
    },
  ],
};
