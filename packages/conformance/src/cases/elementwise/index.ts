import type { CaseTable } from '../../case-types.js';

/** Conformance case tables of the elementwise primitives. */
export const elementwiseCases: readonly CaseTable[] = [];
