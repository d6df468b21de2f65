import type { CaseTable } from '../../case-types.js';

/** Conformance case tables of the reduce primitives. */
export const reduceCases: readonly CaseTable[] = [];
