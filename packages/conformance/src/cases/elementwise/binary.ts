// Case tables of the binary arithmetic primitives.
import { add, ArgumentError, div, maximum, minimum, mul, pow, sub, type DType } from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import { refIntMul, refIntPow, refMax, refMin, refPow } from './reference-math.js';
import { binaryCase, binaryTable } from './shared.js';

const floatOnly = (dtype: DType): DType => (dtype === 'float64' ? 'float64' : 'float32');

/** Tables of the binary arithmetic primitives (Add … Minimum). */
export const binaryCases: readonly CaseTable[] = [
  // bool + bool is logical or: 1 + 1 stores as true.
  binaryTable({ op: 'Add', run: add, ref: (x, y) => x + y }),
  binaryTable({ op: 'Sub', run: sub, ref: (x, y) => x - y, compute: (d) => (d === 'bool' ? null : d) }),
  binaryTable({ op: 'Mul', run: mul, ref: (x, y) => x * y, refInt: refIntMul }),
  binaryTable({
    op: 'Div',
    run: div,
    ref: (x, y) => x / y,
    compute: floatOnly,
  }),
  binaryTable({
    op: 'Pow',
    run: pow,
    ref: refPow,
    refInt: refIntPow,
    compute: (d) => (d === 'bool' ? null : d),
    range: [0, 3],
    bRange: [-3, 3],
    intRange: [-4, 5],
    bIntRange: [-2, 6],
    intExtremes: [0, 1, -1, 2, -2, 3, 7, -7, 31, 32, 1000],
    cases: [
      binaryCase(
        { op: 'Pow', run: pow, ref: refPow },
        'negative bases with integer and fractional exponents',
        { shape: [4, 1], values: [-2, -0.5, -0, -1] },
        { shape: [5], values: [2, 3, -1, 0.5, -2] },
      ),
    ],
    errors: [
      {
        name: 'an int32 base with a negative JavaScript exponent',
        inputs: { a: { shape: [3], dtype: 'int32' } },
        run: ({ a }) => pow(a!, -1),
        error: ArgumentError,
      },
    ],
  }),
  binaryTable({ op: 'Maximum', run: maximum, ref: refMax }),
  binaryTable({ op: 'Minimum', run: minimum, ref: refMin }),
];
