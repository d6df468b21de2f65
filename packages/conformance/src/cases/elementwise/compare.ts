// Case tables of the comparison and logical primitives (bool outputs).
import { eq, ge, gt, le, logicalAnd, logicalOr, lt, ne, type DType } from '@nn/tensor';
import type { CaseTable } from '../../case-types.js';
import { bit } from './reference-math.js';
import { binaryTable } from './shared.js';

const toBool = (): DType => 'bool';

/** Tables of the comparisons and logical and/or. */
export const compareCases: readonly CaseTable[] = [
  binaryTable({ op: 'Equal', run: eq, ref: (x, y) => bit(x === y), out: toBool }),
  binaryTable({ op: 'NotEqual', run: ne, ref: (x, y) => bit(x !== y), out: toBool }),
  binaryTable({ op: 'Less', run: lt, ref: (x, y) => bit(x < y), out: toBool }),
  binaryTable({ op: 'LessEqual', run: le, ref: (x, y) => bit(x <= y), out: toBool }),
  binaryTable({ op: 'Greater', run: gt, ref: (x, y) => bit(x > y), out: toBool }),
  binaryTable({ op: 'GreaterEqual', run: ge, ref: (x, y) => bit(x >= y), out: toBool }),
  // Logical ops read each operand as a boolean (non-zero, NaN included, is true), unrounded.
  binaryTable({
    op: 'LogicalAnd',
    run: logicalAnd,
    ref: (x, y) => bit(x !== 0 && y !== 0),
    compute: toBool,
    roundOperands: false,
  }),
  binaryTable({
    op: 'LogicalOr',
    run: logicalOr,
    ref: (x, y) => bit(x !== 0 || y !== 0),
    compute: toBool,
    roundOperands: false,
  }),
];
