// Public exports of this group; each export lives in its own file.
export {
  MultiheadAttention,
  type MultiheadAttentionOptions,
  type MultiheadAttentionForwardOptions,
} from './multihead-attention.js';
export {
  TransformerEncoderLayer,
  type TransformerEncoderLayerOptions,
  type TransformerEncoderLayerForwardOptions,
  type TransformerActivation,
} from './transformer-encoder-layer.js';
export {
  TransformerEncoder,
  type TransformerEncoderOptions,
  type TransformerEncoderForwardOptions,
} from './transformer-encoder.js';
export { generateSquareSubsequentMask } from './generate-square-subsequent-mask.js';
