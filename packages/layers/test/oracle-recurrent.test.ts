// PyTorch 1.13 fixtures of the recurrent layers (test/fixtures/recurrent.json, written by
// scripts/gen-fixtures/cases_layers_recurrent.py): outputs, final states and the gradients wrt the
// input, the initial states and every parameter, in float32 and float64, with no tensor left behind.
import type { Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { GRU, GRUCell, LSTM, LSTMCell, RNN, RNNCell } from '../src/index.js';
import { loadLayerFixture, type AnyModule, type LayerSpec } from './oracle/layer-harness.js';
import { expectEveryLayer, oracleTests } from './support/oracle-suite.js';

const fixture = loadLayerFixture('recurrent.json');

type Args = Record<string, unknown>;
const sizes = (a: Args): [number, number] => [a.inputSize as number, a.hiddenSize as number];
const options = (a: Args): Args => {
  const { inputSize: _i, hiddenSize: _h, ...rest } = a;
  return rest;
};

/** RNN, GRU and the single-state cells take `(x, hx?)`; LSTM and LSTMCell take `(x, [h0, c0]?)`. */
const oneState = (m: AnyModule, [x, hx]: Tensor[]): unknown => (hx === undefined ? m.call(x) : m.call(x, hx));
const pairState = (m: AnyModule, [x, h0, c0]: Tensor[]): unknown =>
  h0 === undefined ? m.call(x) : m.call(x, [h0, c0]);

const specs: Record<string, LayerSpec> = {
  RNN: { build: (a) => new RNN(...sizes(a), options(a)), run: oneState },
  LSTM: { build: (a) => new LSTM(...sizes(a), options(a)), run: pairState },
  GRU: { build: (a) => new GRU(...sizes(a), options(a)), run: oneState },
  RNNCell: { build: (a) => new RNNCell(...sizes(a), options(a)), run: oneState },
  LSTMCell: { build: (a) => new LSTMCell(...sizes(a), options(a)), run: pairState },
  GRUCell: { build: (a) => new GRUCell(...sizes(a), options(a)), run: oneState },
};

describe('recurrent fixtures', () => {
  it('cover every layer and cell', () => {
    expect(fixture.entries.length).toBe(58);
    expectEveryLayer(fixture.entries, specs);
  });

  it("have PyTorch's state-dict keys, in PyTorch's order, with PyTorch's shapes", () => {
    for (const entry of fixture.entries) {
      const module = specs[entry.layer]!.build(entry.args);
      const ours = Object.entries(module.stateDict()).map(([k, v]) => [k, [...v.shape]]);
      const theirs = Object.entries(entry.state).map(([k, t]) => [k, t.shape]);
      module.dispose();
      expect(ours, entry.name).toEqual(theirs);
    }
  });

  oracleTests(fixture.entries, specs);
});
