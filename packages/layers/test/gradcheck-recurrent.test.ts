// gradcheck (float64, central differences) through the recurrent modules: the Jacobian of the
// output and final states wrt the input, the initial states and every parameter.
import { gradcheck } from '@nn/autograd';
import { cat, manualSeed, randn, reshape, Variable, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { GRU, GRUCell, LSTM, LSTMCell, RNN, RNNCell, type Module } from '../src/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any recurrent module
type AnyModule = Module<any[], unknown>;

/** The module's parameter properties (`weightIhL0`, `biasHh`, …) with their Variables, in state-dict order. */
function parameterProperties(m: AnyModule): [string, Variable][] {
  return Object.entries(m).filter((e): e is [string, Variable] => e[1] instanceof Variable);
}

/** Every tensor of a nested result, flattened and joined: one output vector for gradcheck. */
function joined(result: unknown): Tensor {
  const flat: Tensor[] = [];
  const walk = (r: unknown): void => {
    if (Array.isArray(r)) r.forEach(walk);
    else flat.push(reshape(r as Tensor, [-1]));
  };
  walk(result);
  return cat(flat);
}

/**
 * Checks `run(module, inputs)` wrt the inputs and every parameter: gradcheck's shifted parameter
 * values are put in place as fresh Variables for the call and the originals restored after.
 */
function check(m: AnyModule, inputs: Tensor[], run: (m: AnyModule, inputs: Tensor[]) => unknown): boolean {
  m.to('float64');
  const props = parameterProperties(m);
  expect(props.length).toBe(m.parameters().length);
  const self = m as unknown as Record<string, Variable>;
  const f = (...args: Tensor[]): Tensor => {
    const params = args.slice(inputs.length);
    props.forEach(([key, v], i) => {
      if (params[i] !== v.value) self[key] = new Variable(params[i]!, { name: v.name });
    });
    try {
      return joined(run(m, args.slice(0, inputs.length)));
    } finally {
      for (const [key, v] of props) self[key] = v;
    }
  };
  return gradcheck(f, [...inputs, ...props.map(([, v]) => v.value)]);
}

const f64 = (...shape: number[]): Tensor => randn(shape, { dtype: 'float64' });
const oneState = (m: AnyModule, [x, h]: Tensor[]): unknown => m.call(x, h);
const pairState = (m: AnyModule, [x, h, c]: Tensor[]): unknown => m.call(x, [h, c]);

describe('gradcheck through the recurrent layers (L 3, N 2, inputSize 2, hidden 2)', () => {
  const cases: [string, (o: Record<string, unknown>) => AnyModule, boolean][] = [
    ['RNN tanh', (o) => new RNN(2, 2, o), false],
    ['RNN relu', (o) => new RNN(2, 2, { ...o, nonlinearity: 'relu' }), false],
    ['LSTM', (o) => new LSTM(2, 2, o), true],
    ['GRU', (o) => new GRU(2, 2, o), false],
  ];
  for (const [name, build, pair] of cases) {
    for (const [what, options] of [
      ['1 layer', {}],
      ['2 layers', { numLayers: 2 }],
      ['bidirectional', { bidirectional: true }],
      ['2 layers, bidirectional, batchFirst', { numLayers: 2, bidirectional: true, batchFirst: true }],
    ] as const) {
      it(`${name}, ${what}`, () => {
        manualSeed(11);
        const m = build(options);
        const d = 'bidirectional' in options ? 2 : 1;
        const layers = 'numLayers' in options ? 2 : 1;
        const x = 'batchFirst' in options ? f64(2, 3, 2) : f64(3, 2, 2);
        const states = (pair ? [0, 1] : [0]).map(() => f64(d * layers, 2, 2));
        expect(check(m, [x, ...states], pair ? pairState : oneState)).toBe(true);
        m.dispose();
      });
    }
  }

  it('LSTM, unbatched, no bias', () => {
    manualSeed(12);
    const m = new LSTM(2, 2, { bias: false, numLayers: 2 });
    expect(check(m, [f64(3, 2), f64(2, 2), f64(2, 2)], pairState)).toBe(true);
  });
});

describe('gradcheck through the recurrent cells (N 2, inputSize 3, hidden 2)', () => {
  it('RNNCell tanh and relu', () => {
    manualSeed(13);
    expect(check(new RNNCell(3, 2), [f64(2, 3), f64(2, 2)], oneState)).toBe(true);
    expect(check(new RNNCell(3, 2, { nonlinearity: 'relu' }), [f64(2, 3), f64(2, 2)], oneState)).toBe(true);
  });
  it('LSTMCell', () => {
    manualSeed(14);
    expect(check(new LSTMCell(3, 2), [f64(2, 3), f64(2, 2), f64(2, 2)], pairState)).toBe(true);
  });
  it('GRUCell', () => {
    manualSeed(15);
    expect(check(new GRUCell(3, 2), [f64(2, 3), f64(2, 2)], oneState)).toBe(true);
    expect(check(new GRUCell(3, 2, { bias: false }), [f64(3), f64(2)], oneState)).toBe(true);
  });
});
