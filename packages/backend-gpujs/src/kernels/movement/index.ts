import type { KernelTable } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
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

/** The movement kernels. */
export const MOVEMENT_KERNELS: Partial<KernelTable<GpuJsBackend>> = {
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
};
