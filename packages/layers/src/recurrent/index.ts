// Public exports of this group; each export lives in its own file.
export { RNNBase } from './rnn-base.js';
export { RNN } from './rnn.js';
export { LSTM } from './lstm.js';
export { GRU } from './gru.js';
export { RNNCellBase } from './rnn-cell-base.js';
export { RNNCell } from './rnn-cell.js';
export { LSTMCell } from './lstm-cell.js';
export { GRUCell } from './gru-cell.js';
export type { RecurrentLayerOptions, RNNOptions, RNNCellOptions, RecurrentCellOptions } from './options.js';
export type { CellKind } from '../functional/recurrent/checks.js';
