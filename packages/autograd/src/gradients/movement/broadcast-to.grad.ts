import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';

/** Every copy made by broadcasting receives its share of `dy`: summed back over the broadcast dims. */
export const broadcastToGrad: GradRule<'BroadcastTo'> = (dy, { inputs: { x } }) => ({
  x: unbroadcast(dy, x.shape),
});
