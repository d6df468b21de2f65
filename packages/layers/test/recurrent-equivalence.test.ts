// The recurrent modules agree with themselves: batchFirst and unbatched layouts, the reverse
// direction, stacked layers and the cells stepped by hand; dropout between layers; a replaced
// parameter; and no tensor left behind by a forward (+ backward) pass.
import { backward, enableGrad } from '@nn/autograd';
import {
  cat,
  flip,
  getBackend,
  manualSeed,
  narrow,
  randn,
  squeeze,
  stack,
  sum,
  tidy,
  transpose,
  unsqueeze,
  Variable,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { GRU, GRUCell, LSTM, LSTMCell, RNN, RNNCell } from '../src/index.js';
import { expectClose as close } from './support/close.js';

/** Copies the parameters named `from → to` (state-dict keys) of `src` into `dst`. */
function copy(
  src: { stateDict(): Record<string, Tensor> },
  dst: { loadStateDict(s: Record<string, Tensor>): unknown },
  keys: [string, string][],
): void {
  const s = src.stateDict();
  dst.loadStateDict(Object.fromEntries(keys.map(([from, to]) => [to, s[from]!])));
}
const pairs = (from: string, to: string): [string, string][] =>
  ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'].map((k) => [`${k}${from}`, `${k}${to}`]);

describe('layouts', () => {
  it('batchFirst is the transposed layout; states are not transposed', () => {
    manualSeed(1);
    const a = new GRU(3, 4, { numLayers: 2 });
    const b = new GRU(3, 4, { numLayers: 2, batchFirst: true });
    b.loadStateDict(a.stateDict());
    const x = randn([5, 2, 3]);
    const h0 = randn([2, 2, 4]);
    const [oa, ha] = a.call(x, h0);
    const [ob, hb] = b.call(transpose(x, 0, 1), h0);
    close(transpose(ob, 0, 1), oa, 0);
    close(hb, ha, 0);
  });

  it('unbatched equals a batch of one', () => {
    manualSeed(2);
    const m = new LSTM(3, 4, { bidirectional: true });
    const x = randn([5, 3]);
    const [h0, c0] = [randn([2, 4]), randn([2, 4])];
    const [o1, [h1, c1]] = m.call(x, [h0, c0]);
    const [o2, [h2, c2]] = m.call(unsqueeze(x, 1), [unsqueeze(h0, 1), unsqueeze(c0, 1)]);
    close(o1, squeeze(o2, 1), 0);
    close(h1, squeeze(h2, 1), 0);
    close(c1, squeeze(c2, 1), 0);
  });
});

describe('structure', () => {
  it('the reverse direction is the forward recurrence on the flipped sequence', () => {
    manualSeed(3);
    const bi = new RNN(3, 4, { bidirectional: true });
    const fwd = new RNN(3, 4);
    const bwd = new RNN(3, 4);
    copy(bi, fwd, pairs('_l0', '_l0'));
    copy(bi, bwd, pairs('_l0_reverse', '_l0'));
    const x = randn([6, 2, 3]);
    const h0 = randn([2, 2, 4]);
    const [o, h] = bi.call(x, h0);
    const [of, hf] = fwd.call(x, narrow(h0, 0, 0, 1));
    const [ob, hb] = bwd.call(flip(x, [0]), narrow(h0, 0, 1, 1));
    close(o, cat([of, flip(ob, [0])], 2), 0);
    close(h, cat([hf, hb], 0), 0);
  });

  it('two layers are two single layers, the second reading the first', () => {
    manualSeed(4);
    const two = new LSTM(3, 4, { numLayers: 2 });
    const first = new LSTM(3, 4);
    const second = new LSTM(4, 4);
    copy(two, first, pairs('_l0', '_l0'));
    copy(two, second, pairs('_l1', '_l0'));
    const x = randn([5, 2, 3]);
    const [o, [h, c]] = two.call(x);
    const [o1, [h1, c1]] = first.call(x);
    const [o2, [h2, c2]] = second.call(o1);
    close(o, o2, 0);
    close(h, cat([h1, h2], 0), 0);
    close(c, cat([c1, c2], 0), 0);
  });

  const cellPairs: [string, (h: number) => RNN | GRU, (h: number) => RNNCell | GRUCell][] = [
    ['RNN', (h) => new RNN(3, h, { nonlinearity: 'relu' }), (h) => new RNNCell(3, h, { nonlinearity: 'relu' })],
    ['GRU', (h) => new GRU(3, h), (h) => new GRUCell(3, h)],
  ];
  for (const [name, layer, cell] of cellPairs) {
    it(`${name} is its cell stepped over time`, () => {
      manualSeed(5);
      const m = layer(4);
      const c = cell(4);
      copy(m, c, pairs('_l0', ''));
      const x = randn([5, 2, 3]);
      let h = randn([2, 4]);
      const [o, hN] = m.call(x, unsqueeze(h, 0));
      const hs: Tensor[] = [];
      for (let t = 0; t < 5; t++) hs.push((h = c.call(squeeze(narrow(x, 0, t, 1), 0), h)));
      close(o, stack(hs), 1e-6);
      close(hN, unsqueeze(h, 0), 1e-6);
    });
  }

  it('LSTM is LSTMCell stepped over time', () => {
    manualSeed(6);
    const m = new LSTM(3, 4);
    const c = new LSTMCell(3, 4);
    copy(m, c, pairs('_l0', ''));
    const x = randn([5, 2, 3]);
    let state: [Tensor, Tensor] = [zeros([2, 4]), zeros([2, 4])];
    const hs: Tensor[] = [];
    for (let t = 0; t < 5; t++) hs.push((state = c.call(squeeze(narrow(x, 0, t, 1), 0), state))[0]);
    const [o, [hN, cN]] = m.call(x);
    close(o, stack(hs), 1e-6);
    close(hN, unsqueeze(state[0], 0), 1e-6);
    close(cN, unsqueeze(state[1], 0), 1e-6);
  });

  it('a parameter replaced by a new Variable is used', () => {
    const m = new GRU(2, 3);
    (m as unknown as Record<string, Variable>).weightIhL0 = new Variable(zeros([9, 2]), { name: 'weight_ih_l0' });
    const [a] = m.call(randn([4, 1, 2]));
    const [b] = m.call(randn([4, 1, 2]));
    close(a, b, 0); // the input no longer matters
  });
});

describe('dropout between layers', () => {
  it('is active in training only, and only between layers', () => {
    manualSeed(7);
    const m = new GRU(3, 8, { numLayers: 2, dropout: 0.5 });
    const plain = new GRU(3, 8, { numLayers: 2 });
    plain.loadStateDict(m.stateDict());
    const x = randn([5, 4, 3]);
    const [trained] = m.call(x);
    const [reference] = plain.call(x);
    expect(Math.abs(Number(sum(trained).item()) - Number(sum(reference).item()))).toBeGreaterThan(1e-3);
    m.eval();
    close(m.call(x)[0], reference, 0);
    const single = new RNN(3, 4, { dropout: 0.9 }); // one layer: nothing to drop between
    const singlePlain = new RNN(3, 4);
    singlePlain.loadStateDict(single.stateDict());
    close(single.call(x)[0], singlePlain.call(x)[0], 0);
  });

  it('p = 1 cuts the second layer off its input', () => {
    const m = new LSTM(3, 4, { numLayers: 2, dropout: 1 });
    const [a, [ha]] = m.call(randn([5, 2, 3]));
    const [b, [hb]] = m.call(randn([5, 2, 3]));
    close(a, b, 0);
    close(narrow(ha, 0, 1, 1), narrow(hb, 0, 1, 1), 0);
  });
});

describe('memory', () => {
  it('forward leaves only its results; forward + backward leaves only the gradients', () => {
    for (const m of [
      new LSTM(3, 4, { numLayers: 2, bidirectional: true }),
      new GRU(3, 4, { dropout: 0.3, numLayers: 2 }),
      new RNN(3, 4),
    ]) {
      const x = randn([6, 2, 3]);
      const before = getBackend().numDataIds();
      const out = m.call(x) as unknown as unknown[];
      const results = out.flat(2) as Tensor[];
      expect(getBackend().numDataIds()).toBe(before + results.length);
      for (const r of results) r.dispose();
      expect(getBackend().numDataIds()).toBe(before);
      const stop = enableGrad();
      tidy(() => backward(sum((m.call(x) as unknown as Tensor[])[0]!)));
      stop();
      expect(getBackend().numDataIds()).toBe(before + m.parameters().length);
      m.zeroGrad();
      expect(getBackend().numDataIds()).toBe(before);
      m.dispose();
      x.dispose();
    }
  });
});
