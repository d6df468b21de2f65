// The per-step math of the recurrences (internal): the cells and the multi-layer loop both run it.
import { add, chunk, matmul, mul, relu, sigmoid, sub, tanh, type Tensor } from '@nn/tensor';
import type { CellKind } from './checks.js';
import type { RecurrentWeights } from './types.js';

/**
 * The input half of the gates, `x·W_ihᵀ + b_ih`, for many rows at once: `x: [M, inputSize] →
 * [M, G·H]`. For RNN and LSTM, where both biases are simply added to the gates, `b_hh` is folded in
 * here too, once, instead of at every step; GRU needs `b_hh` inside the reset gate's product.
 */
export function inputProjection(kind: CellKind, x: Tensor, w: RecurrentWeights): Tensor {
  let p = matmul(x, w.weightIh, { transposeB: true });
  if (w.biasIh) p = add(p, w.biasIh);
  if (kind !== 'gru' && w.biasHh) p = add(p, w.biasHh);
  return p;
}

/**
 * One time step: from the input projection `xp: [N, G·H]` (see `inputProjection`) and the state
 * (`[h]`, or `[h, c]` for LSTM, each `[N, H]`) to the next state.
 */
export function recurrentStep(kind: CellKind, xp: Tensor, state: readonly Tensor[], w: RecurrentWeights): Tensor[] {
  const h = state[0]!;
  const hp = matmul(h, w.weightHh, { transposeB: true });
  switch (kind) {
    case 'rnn_tanh':
      return [tanh(add(xp, hp))];
    case 'rnn_relu':
      return [relu(add(xp, hp))];
    case 'lstm': {
      // c' = σ(f)·c + σ(i)·tanh(g);  h' = σ(o)·tanh(c')
      const [i, f, g, o] = chunk(add(xp, hp), 4, 1) as [Tensor, Tensor, Tensor, Tensor];
      const c = add(mul(sigmoid(f), state[1]!), mul(sigmoid(i), tanh(g)));
      return [mul(sigmoid(o), tanh(c)), c];
    }
    case 'gru': {
      // r = σ(x_r + h_r);  z = σ(x_z + h_z);  n = tanh(x_n + r·h_n);  h' = (1 − z)·n + z·h = n + z·(h − n)
      const [xr, xz, xn] = chunk(xp, 3, 1) as [Tensor, Tensor, Tensor];
      const [hr, hz, hn] = chunk(w.biasHh ? add(hp, w.biasHh) : hp, 3, 1) as [Tensor, Tensor, Tensor];
      const r = sigmoid(add(xr, hr));
      const z = sigmoid(add(xz, hz));
      const n = tanh(add(xn, mul(r, hn)));
      return [add(n, mul(z, sub(h, n)))];
    }
  }
}
