import type { LayerOptions } from '../layers/options.js';
import type { RNNNonlinearity } from '../functional/recurrent/types.js';

/**
 * Options shared by {@link RNN}, {@link LSTM} and {@link GRU}; the defaults are PyTorch's.
 * @category Recurrent
 */
export interface RecurrentLayerOptions extends LayerOptions {
  /** Stacked recurrent layers, each reading the outputs of the one below (default 1). */
  numLayers?: number;
  /** Whether the layers have the biases `b_ih` and `b_hh` (default `true`). */
  bias?: boolean;
  /** `x` and the output are `[N, L, ·]` instead of `[L, N, ·]` (default `false`; states are unaffected). */
  batchFirst?: boolean;
  /** Dropout probability on the outputs of every layer but the last, in training (default 0). */
  dropout?: number;
  /** Add a layer that reads the sequence backwards, and concatenate (default `false`). */
  bidirectional?: boolean;
}

/** Options of {@link RNN}: the shared options and the activation. @category Recurrent */
export interface RNNOptions extends RecurrentLayerOptions {
  /** `'tanh'` (default) or `'relu'`. */
  nonlinearity?: RNNNonlinearity;
}

/** Options of {@link RNNCell}. @category Recurrent */
export interface RNNCellOptions extends LayerOptions {
  /** Whether the cell has the biases `b_ih` and `b_hh` (default `true`). */
  bias?: boolean;
  /** `'tanh'` (default) or `'relu'`. */
  nonlinearity?: RNNNonlinearity;
}

/** Options of {@link LSTMCell} and {@link GRUCell}. @category Recurrent */
export interface RecurrentCellOptions extends LayerOptions {
  /** Whether the cell has the biases `b_ih` and `b_hh` (default `true`). */
  bias?: boolean;
}
