import type { CaseTable } from '../../case-types.js';
import { binaryCases } from './binary.js';
import { castCases } from './cast.js';
import { compareCases } from './compare.js';
import { unaryCases } from './unary.js';
import { whereCases } from './where.js';

/** Conformance case tables of the elementwise primitives, one per primitive. */
export const elementwiseCases: readonly CaseTable[] = [
  ...unaryCases,
  ...castCases,
  ...binaryCases,
  ...compareCases,
  ...whereCases,
];
