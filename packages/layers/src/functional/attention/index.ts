// Public exports of this group; each export lives in its own file.
export { scaledDotProductAttention, type ScaledDotProductAttentionOptions } from './scaled-dot-product-attention.js';
export { multiHeadAttentionForward, type MultiHeadAttentionForwardOptions } from './multi-head-attention-forward.js';
