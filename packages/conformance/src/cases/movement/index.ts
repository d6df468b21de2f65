import type { CaseTable } from '../../case-types.js';
import { broadcastToCases } from './broadcast-to.js';
import { concatCases } from './concat.js';
import { gatherCases } from './gather.js';
import { indexSelectCases } from './index-select.js';
import { padCases } from './pad.js';
import { reshapeCases } from './reshape.js';
import { scatterAddCases } from './scatter-add.js';
import { sliceCases } from './slice.js';
import { tileCases } from './tile.js';
import { transposeCases } from './transpose.js';

/** Conformance case tables of the movement primitives. */
export const movementCases: readonly CaseTable[] = [
  reshapeCases,
  transposeCases,
  broadcastToCases,
  sliceCases,
  concatCases,
  padCases,
  tileCases,
  indexSelectCases,
  gatherCases,
  scatterAddCases,
];
