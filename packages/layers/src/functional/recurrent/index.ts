// Public exports of this group; each export lives in its own file.
export { rnnCell } from './rnn-cell.js';
export { lstmCell } from './lstm-cell.js';
export { gruCell } from './gru-cell.js';
export { rnn } from './rnn.js';
export { lstm } from './lstm.js';
export { gru } from './gru.js';
export type {
  RecurrentWeights,
  RecurrentOptions,
  RNNFunctionalOptions,
  RNNCellFunctionalOptions,
  RNNNonlinearity,
} from './types.js';
