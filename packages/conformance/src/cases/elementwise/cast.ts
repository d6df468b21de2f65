// Case table of the Cast primitive.
import { ArgumentError, cast, type DType } from '@nn/tensor';
import type { CaseTable, InputSpec, OpCase } from '../../case-types.js';
import { mapHost, notATensor } from './shared.js';

/** The value `x` (already exact in its source dtype) takes in `to`, before the store rounds it. */
function converted(x: number, to: DType): number {
  if (to === 'bool') return x !== 0 ? 1 : 0; // NaN is true
  if (to === 'int32') return Math.trunc(x); // only in-range values are tested
  return x;
}

/** Values per source dtype; float → int32 only in range (out of range is undefined in PyTorch). */
const SOURCES: Record<DType, { values: number[]; toInt: number[] }> = {
  float32: {
    values: [0, -0, 0.5, -0.5, 1.5, -2.7, 2.7, 1e4, -1e4, 1e-30, 3.4e38, Infinity, -Infinity, NaN],
    toInt: [0, -0, 0.5, -0.5, 0.999, -0.999, 1.5, -2.7, 2.7, 1e4, -1e4, 16777216, -2147483648],
  },
  float64: {
    values: [0, -0, 0.1, -2.7, 1e-50, 1e40, -1e40, 3.4028235677973366e38, 16777217, Infinity, -Infinity, NaN],
    toInt: [0, -0, 0.5, -0.5, 0.999, -2.7, 2.7, 2147483647.9, -2147483648.9, 1e-300],
  },
  int32: { values: [0, 1, -1, -5, 7, 16777217, 2147483647, -2147483648], toInt: [0, 1, -1, 2147483647, -2147483648] },
  bool: { values: [0, 1, 1, 0], toInt: [0, 1, 1, 0] },
};

const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'bool'];

function castCase(name: string, x: InputSpec, to: DType): OpCase {
  return {
    name,
    inputs: { x },
    run: ({ x }) => cast(x!, to),
    reference: ({ x }) => mapHost(x!, to, (v) => converted(v, to)),
  };
}

const cases: OpCase[] = [];
for (const from of DTYPES) {
  for (const to of DTYPES) {
    const values = to === 'int32' ? SOURCES[from].toInt : SOURCES[from].values;
    cases.push(castCase(`${from} → ${to}`, { shape: [values.length], dtype: from, values }, to));
  }
}
cases.push(
  castCase('scalar [] float32 → int32', { shape: [], range: [-9, 9] }, 'int32'),
  castCase('odd shape [3,5,7] float32 → float64', { shape: [3, 5, 7] }, 'float64'),
  castCase('odd shape [3,5,7] float64 → float32', { shape: [3, 5, 7], dtype: 'float64' }, 'float32'),
  castCase('size-0 [0,3] float32 → bool', { shape: [0, 3] }, 'bool'),
  castCase('size-0 [0,3] int32 → float32', { shape: [0, 3], dtype: 'int32' }, 'float32'),
);

/** The table of Cast: every (from, to) dtype pair, shapes, and errors. */
export const castCases: readonly CaseTable[] = [
  {
    op: 'Cast',
    cases,
    errors: [
      {
        name: 'an unknown dtype',
        inputs: { x: { shape: [2] } },
        run: ({ x }) => cast(x!, 'int64' as DType),
        error: ArgumentError,
      },
      notATensor('a number instead of a tensor', () => cast(1 as never, 'int32')),
    ],
  },
];
