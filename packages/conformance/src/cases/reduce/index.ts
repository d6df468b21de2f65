import type { CaseTable } from '../../case-types.js';
import { argMaxCases, argMinCases } from './arg.js';
import { cumsumCases } from './cumsum.js';
import { maxCases, minCases } from './extremes.js';
import { allCases, anyCases } from './logical.js';
import { prodCases } from './prod.js';
import { logSoftmaxCases, softmaxCases } from './softmax.js';
import { sumCases } from './sum.js';

/** Conformance case tables of the reduce primitives, one per primitive. */
export const reduceCases: readonly CaseTable[] = [
  sumCases,
  prodCases,
  maxCases,
  minCases,
  allCases,
  anyCases,
  argMaxCases,
  argMinCases,
  cumsumCases,
  softmaxCases,
  logSoftmaxCases,
];
