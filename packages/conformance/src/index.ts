/**
 * `@nn/conformance`: the test suite every `@nn` backend passes.
 * @packageDocumentation
 */
export { runBackendConformance, type ConformanceOptions } from './run.js';
export { ALL_CASES } from './cases/index.js';
export type { CaseTable, OpCase, ErrorCase, HostTensor, InputSpec, Tolerance } from './case-types.js';
export { defaultTolerance, firstMismatch } from './tolerance.js';
