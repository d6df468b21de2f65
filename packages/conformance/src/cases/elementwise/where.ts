// Case table of the Where primitive.
import { ArgumentError, DTypeError, ShapeError, where, type DType } from '@nn/tensor';
import type { CaseTable, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { broadcast, broadcastAt, build, roundTo, unravel } from '../../host.js';
import { hostScalar, notATensor } from './shared.js';

const ORDER: readonly DType[] = ['bool', 'int32', 'float32', 'float64'];

function refWhere(c: HostTensor, a: HostTensor, b: HostTensor): HostTensor {
  const dtype = ORDER.indexOf(a.dtype) >= ORDER.indexOf(b.dtype) ? a.dtype : b.dtype;
  const shape = broadcast(broadcast(c.shape, a.shape), b.shape);
  return build(shape, dtype, (i) => {
    const idx = unravel(i, shape);
    return broadcastAt(c, idx) !== 0 ? roundTo(dtype, broadcastAt(a, idx)) : roundTo(dtype, broadcastAt(b, idx));
  });
}

function whereCase(name: string, c: InputSpec, a: InputSpec, b: InputSpec): OpCase {
  return {
    name,
    inputs: { c: { dtype: 'bool', ...c }, a, b },
    run: ({ c, a, b }) => where(c!, a!, b!),
    reference: ({ c, a, b }) => refWhere(c!, a!, b!),
  };
}

const EXTREMES = [0, -0, 1.5, -2.5, 1e4, -1e4, Infinity, -Infinity, NaN];

/** The table of Where: three-way broadcasting, dtypes, JavaScript numbers, errors. */
export const whereCases: readonly CaseTable[] = [
  {
    op: 'Where',
    cases: [
      whereCase('same shape [3,4]', { shape: [3, 4] }, { shape: [3, 4] }, { shape: [3, 4] }),
      whereCase('broadcast [3,1], [4] and []', { shape: [3, 1] }, { shape: [4] }, { shape: [] }),
      whereCase('broadcast [4], [3,1] and [3,4]', { shape: [4] }, { shape: [3, 1] }, { shape: [3, 4] }),
      whereCase('odd shapes [3,1,7], [5,1] and [3,5,7]', { shape: [3, 1, 7] }, { shape: [5, 1] }, { shape: [3, 5, 7] }),
      whereCase('a condition per row [6,1] with [6,5] values', { shape: [6, 1] }, { shape: [6, 5] }, { shape: [6, 5] }),
      whereCase('all scalars []', { shape: [] }, { shape: [] }, { shape: [] }),
      whereCase('size-0 [0,3] with [3] and []', { shape: [0, 3] }, { shape: [3] }, { shape: [] }),
      whereCase(
        'extreme values pass through',
        { shape: [2, 1], values: [1, 0] },
        { shape: [EXTREMES.length], values: EXTREMES },
        { shape: [EXTREMES.length], values: [...EXTREMES].reverse() },
      ),
      whereCase('int32 values', { shape: [4] }, { shape: [4], dtype: 'int32' }, { shape: [1], dtype: 'int32' }),
      whereCase('bool values', { shape: [2, 3] }, { shape: [3], dtype: 'bool' }, { shape: [2, 1], dtype: 'bool' }),
      whereCase('float64 values', { shape: [5] }, { shape: [5], dtype: 'float64' }, { shape: [5], dtype: 'float64' }),
      whereCase(
        'mixed int32 and float64 values',
        { shape: [3, 1] },
        { shape: [4], dtype: 'int32' },
        { shape: [3, 4], dtype: 'float64' },
      ),
      {
        name: 'JavaScript numbers for a and b',
        inputs: { c: { shape: [2, 3], dtype: 'bool' } },
        run: ({ c }) => where(c!, 1.5, -2),
        reference: ({ c }) => refWhere(c!, hostScalar(1.5, 'float32'), hostScalar(-2, 'float32')),
      },
      {
        name: 'an int32 tensor and an integer JavaScript number',
        inputs: { c: { shape: [4], dtype: 'bool' }, a: { shape: [4], dtype: 'int32' } },
        run: ({ c, a }) => where(c!, a!, 7),
        reference: ({ c, a }) => refWhere(c!, a!, hostScalar(7, 'int32')),
      },
    ],
    errors: [
      {
        name: 'a float32 condition',
        inputs: { c: { shape: [3] }, a: { shape: [3] }, b: { shape: [3] } },
        run: ({ c, a, b }) => where(c!, a!, b!),
        error: DTypeError,
      },
      {
        name: "shapes that don't broadcast ([2,3] and [4])",
        inputs: { c: { shape: [2, 3], dtype: 'bool' }, a: { shape: [4] }, b: { shape: [] } },
        run: ({ c, a, b }) => where(c!, a!, b!),
        error: ShapeError,
      },
      {
        name: 'a string value',
        inputs: { c: { shape: [2], dtype: 'bool' } },
        run: ({ c }) => where(c!, 'x' as never, 1),
        error: ArgumentError,
      },
      notATensor('a boolean condition instead of a tensor', () => where(true as never, 1, 2)),
    ],
  },
];
