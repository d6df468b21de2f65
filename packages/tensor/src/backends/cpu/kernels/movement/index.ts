import type { KernelTable } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { broadcastTo } from './broadcast-to.js';
import { concat } from './concat.js';
import { gather } from './gather.js';
import { indexSelect } from './index-select.js';
import { pad } from './pad.js';
import { reshape } from './reshape.js';
import { scatterAdd } from './scatter-add.js';
import { slice } from './slice.js';
import { tile } from './tile.js';
import { transpose } from './transpose.js';

/** CPU kernels of the movement group. */
export const movementKernels = {
  Reshape: reshape,
  Transpose: transpose,
  BroadcastTo: broadcastTo,
  Slice: slice,
  Concat: concat,
  Pad: pad,
  Tile: tile,
  IndexSelect: indexSelect,
  Gather: gather,
  ScatterAdd: scatterAdd,
} satisfies Partial<KernelTable<CpuBackend>>;
