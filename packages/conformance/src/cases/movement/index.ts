import type { CaseTable } from '../../case-types.js';

/** Conformance case tables of the movement primitives. */
export const movementCases: readonly CaseTable[] = [];
