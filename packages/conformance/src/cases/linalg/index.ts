import type { CaseTable } from '../../case-types.js';

/** Conformance case tables of the linalg primitives. */
export const linalgCases: readonly CaseTable[] = [];
