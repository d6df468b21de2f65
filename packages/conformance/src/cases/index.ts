import type { CaseTable } from '../case-types.js';
import { elementwiseCases } from './elementwise/index.js';
import { linalgCases } from './linalg/index.js';
import { movementCases } from './movement/index.js';
import { reduceCases } from './reduce/index.js';

/** Every case table, one per primitive op. */
export const ALL_CASES: readonly CaseTable[] = [...elementwiseCases, ...reduceCases, ...movementCases, ...linalgCases];
