import { ArgumentError, repeat, tile } from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import type { HostTensor } from '../../case-types.js';
import { b8, f32, f64, i32, refReshape, refTile } from './ref.js';

/** NumPy tile with reps and rank aligned on the right (leading 1s on the shorter side). */
function refTileAny(x: HostTensor, reps: readonly number[]): HostTensor {
  const rank = Math.max(x.shape.length, reps.length);
  const shape = [...new Array<number>(rank - x.shape.length).fill(1), ...x.shape];
  const full = [...new Array<number>(rank - reps.length).fill(1), ...reps];
  return refTile(refReshape(x, shape), full);
}

/** `Tile`, reached through tile and repeat. */
export const tileCases: CaseTable = {
  op: 'Tile',
  cases: [
    {
      name: 'tile [2,3] by [2,3]',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => tile(x!, [2, 3]),
      reference: ({ x }) => refTileAny(x!, [2, 3]),
    },
    {
      name: 'tile [2,3] by [3] (leading 1s)',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => tile(x!, [3]),
      reference: ({ x }) => refTileAny(x!, [3]),
    },
    {
      name: 'tile [3] by [2,1,2] (new leading dims)',
      inputs: { x: f32([3]) },
      run: ({ x }) => tile(x!, [2, 1, 2]),
      reference: ({ x }) => refTileAny(x!, [2, 1, 2]),
    },
    {
      name: 'tile [2,30] by [3,1] (row copies)',
      inputs: { x: f32([2, 30]) },
      run: ({ x }) => tile(x!, [3, 1]),
      reference: ({ x }) => refTileAny(x!, [3, 1]),
    },
    {
      name: 'tile [2,1,3] by [1,4,1]',
      inputs: { x: f32([2, 1, 3]) },
      run: ({ x }) => tile(x!, [1, 4, 1]),
      reference: ({ x }) => refTileAny(x!, [1, 4, 1]),
    },
    {
      name: 'tile by 0 gives size 0',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => tile(x!, [0, 2]),
      reference: ({ x }) => refTileAny(x!, [0, 2]),
    },
    {
      name: 'tile a size-0 tensor',
      inputs: { x: f32([0, 2]) },
      run: ({ x }) => tile(x!, [3, 2]),
      reference: ({ x }) => refTileAny(x!, [3, 2]),
    },
    {
      name: 'tile a scalar by [3]',
      inputs: { x: f32([]) },
      run: ({ x }) => tile(x!, [3]),
      reference: ({ x }) => refTileAny(x!, [3]),
    },
    {
      name: 'tile a scalar by []',
      inputs: { x: f32([]) },
      run: ({ x }) => tile(x!, []),
      reference: ({ x }) => refTileAny(x!, []),
    },
    {
      name: 'tile int32',
      inputs: { x: i32([3, 2]) },
      run: ({ x }) => tile(x!, [2, 2]),
      reference: ({ x }) => refTileAny(x!, [2, 2]),
    },
    {
      name: 'tile bool',
      inputs: { x: b8([2, 2]) },
      run: ({ x }) => tile(x!, [1, 3]),
      reference: ({ x }) => refTileAny(x!, [1, 3]),
    },
    {
      name: 'tile float64',
      inputs: { x: f64([2]) },
      run: ({ x }) => tile(x!, [3, 2]),
      reference: ({ x }) => refTileAny(x!, [3, 2]),
    },
    {
      name: 'repeat [2,3] by [2,1,2]',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => repeat(x!, [2, 1, 2]),
      reference: ({ x }) => refTileAny(x!, [2, 1, 2]),
    },
    {
      name: 'repeat [4] by [3]',
      inputs: { x: i32([4]) },
      run: ({ x }) => repeat(x!, [3]),
      reference: ({ x }) => refTileAny(x!, [3]),
    },
  ],
  errors: [
    { name: 'negative reps', inputs: { x: f32([2]) }, run: ({ x }) => tile(x!, [-1]), error: ArgumentError },
    { name: 'fractional reps', inputs: { x: f32([2]) }, run: ({ x }) => tile(x!, [1.5]), error: ArgumentError },
    {
      name: 'repeat with fewer reps than dims',
      inputs: { x: f32([2, 3]) },
      run: ({ x }) => repeat(x!, [2]),
      error: ArgumentError,
    },
  ],
};
