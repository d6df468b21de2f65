import { ArgumentError, cat, concat, IndexError, ShapeError, stack, type Tensor } from '@nn/tensor';
import type { CaseTable, HostTensor } from '../../case-types.js';
import { b8, f32, f64, i32, refConcat, refReshape } from './ref.js';

const list = (t: Readonly<Record<string, Tensor>>, n: number): Tensor[] =>
  Array.from({ length: n }, (_, i) => t[`x${i}`]!);
const hosts = (t: Readonly<Record<string, HostTensor>>, n: number): HostTensor[] =>
  Array.from({ length: n }, (_, i) => t[`x${i}`]!);

/** Stack reference: unsqueeze every input at `dim`, then concatenate. */
function refStack(ts: readonly HostTensor[], dim: number): HostTensor {
  return refConcat(
    ts.map((t) => {
      const shape = [...t.shape];
      shape.splice(dim, 0, 1);
      return refReshape(t, shape);
    }),
    dim,
  );
}

/** `Concat`, reached through concat, cat and stack. */
export const concatCases: CaseTable = {
  op: 'Concat',
  cases: [
    {
      name: 'concat three along dim 0',
      inputs: { x0: f32([2, 3]), x1: f32([1, 3]), x2: f32([4, 3]) },
      run: (t) => concat(list(t, 3)),
      reference: (h) => refConcat(hosts(h, 3), 0),
    },
    {
      name: 'concat along dim 1 of [2,*,3]',
      inputs: { x0: f32([2, 2, 3]), x1: f32([2, 5, 3]) },
      run: (t) => concat(list(t, 2), 1),
      reference: (h) => refConcat(hosts(h, 2), 1),
    },
    {
      name: 'concat along the last dim (-1)',
      inputs: { x0: f32([3, 1]), x1: f32([3, 30]), x2: f32([3, 2]) },
      run: (t) => cat(list(t, 3), -1),
      reference: (h) => refConcat(hosts(h, 3), 1),
    },
    {
      name: 'concat with a size-0 input',
      inputs: { x0: f32([2, 0]), x1: f32([2, 3]) },
      run: (t) => concat(list(t, 2), 1),
      reference: (h) => refConcat(hosts(h, 2), 1),
    },
    {
      name: 'concat size-0 inputs only',
      inputs: { x0: f32([0, 3]), x1: f32([0, 3]) },
      run: (t) => concat(list(t, 2), 1),
      reference: (h) => refConcat(hosts(h, 2), 1),
    },
    {
      name: 'concat one tensor copies it',
      inputs: { x0: f32([4]) },
      run: (t) => concat(list(t, 1)),
      reference: (h) => refConcat(hosts(h, 1), 0),
    },
    {
      name: 'concat int32',
      inputs: { x0: i32([2, 2]), x1: i32([2, 1]) },
      run: (t) => concat(list(t, 2), 1),
      reference: (h) => refConcat(hosts(h, 2), 1),
    },
    {
      name: 'concat bool',
      inputs: { x0: b8([3]), x1: b8([5]) },
      run: (t) => concat(list(t, 2)),
      reference: (h) => refConcat(hosts(h, 2), 0),
    },
    {
      name: 'concat float64',
      inputs: { x0: f64([1, 2]), x1: f64([3, 2]) },
      run: (t) => concat(list(t, 2)),
      reference: (h) => refConcat(hosts(h, 2), 0),
    },
    {
      name: 'concat int32 with float32 promotes to float32',
      inputs: { x0: i32([2]), x1: f32([3]) },
      run: (t) => concat(list(t, 2)),
      reference: (h) => refConcat(hosts(h, 2), 0, 'float32'),
    },
    {
      name: 'concat bool with int32 promotes to int32',
      inputs: { x0: b8([2]), x1: i32([2]) },
      run: (t) => concat(list(t, 2)),
      reference: (h) => refConcat(hosts(h, 2), 0, 'int32'),
    },
    {
      name: 'stack along dim 0',
      inputs: { x0: f32([2, 3]), x1: f32([2, 3]), x2: f32([2, 3]) },
      run: (t) => stack(list(t, 3)),
      reference: (h) => refStack(hosts(h, 3), 0),
    },
    {
      name: 'stack along dim 1',
      inputs: { x0: f32([2, 3]), x1: f32([2, 3]) },
      run: (t) => stack(list(t, 2), 1),
      reference: (h) => refStack(hosts(h, 2), 1),
    },
    {
      name: 'stack along a new last dim',
      inputs: { x0: i32([2, 3]), x1: i32([2, 3]) },
      run: (t) => stack(list(t, 2), -1),
      reference: (h) => refStack(hosts(h, 2), 2),
    },
    {
      name: 'stack scalars',
      inputs: { x0: f32([]), x1: f32([]), x2: f32([]) },
      run: (t) => stack(list(t, 3)),
      reference: (h) => refStack(hosts(h, 3), 0),
    },
    {
      name: 'stack size-0 tensors',
      inputs: { x0: b8([0]), x1: b8([0]) },
      run: (t) => stack(list(t, 2), 1),
      reference: (h) => refStack(hosts(h, 2), 1),
    },
  ],
  errors: [
    {
      name: 'concat mismatched dims',
      inputs: { x0: f32([2, 3]), x1: f32([2, 4]) },
      run: (t) => concat(list(t, 2)),
      error: ShapeError,
    },
    {
      name: 'concat mismatched ranks',
      inputs: { x0: f32([2, 3]), x1: f32([3]) },
      run: (t) => concat(list(t, 2)),
      error: ShapeError,
    },
    { name: 'concat an empty list', inputs: {}, run: () => concat([]), error: ArgumentError },
    { name: 'concat scalars', inputs: { x0: f32([]), x1: f32([]) }, run: (t) => concat(list(t, 2)), error: ShapeError },
    {
      name: 'concat along a dim out of range',
      inputs: { x0: f32([2]), x1: f32([2]) },
      run: (t) => concat(list(t, 2), 1),
      error: IndexError,
    },
    {
      name: 'stack mismatched shapes',
      inputs: { x0: f32([2, 3]), x1: f32([3, 2]) },
      run: (t) => stack(list(t, 2)),
      error: ShapeError,
    },
  ],
};
