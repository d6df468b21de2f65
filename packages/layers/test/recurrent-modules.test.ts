// The recurrent modules: PyTorch's keys, shapes and order, initialisation, hyper-parameter and
// input validation (errors naming the layer), dtypes, state dicts.
import {
  abs,
  ArgumentError,
  DTypeError,
  Generator,
  le,
  all,
  ShapeError,
  zeros,
  ones,
  type Tensor,
  type Variable,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { GRU, GRUCell, LSTM, LSTMCell, RNN, RNNCell } from '../src/index.js';
import { expectError } from './support/errors.js';

const shapes = (m: { stateDict(): Record<string, Tensor> }): [string, number[]][] =>
  Object.entries(m.stateDict()).map(([k, v]) => [k, [...v.shape]]);

describe('parameters: PyTorch keys, shapes and order', () => {
  it('2-layer bidirectional LSTM', () => {
    const keys = (l: number, s: string, cols: number): [string, number[]][] => [
      [`weight_ih_l${l}${s}`, [12, cols]],
      [`weight_hh_l${l}${s}`, [12, 3]],
      [`bias_ih_l${l}${s}`, [12]],
      [`bias_hh_l${l}${s}`, [12]],
    ];
    const m = new LSTM(5, 3, { numLayers: 2, bidirectional: true });
    expect(shapes(m)).toEqual([
      ...keys(0, '', 5),
      ...keys(0, '_reverse', 5),
      ...keys(1, '', 6),
      ...keys(1, '_reverse', 6),
    ]);
    expect(m.namedParameters().map(([k, v]) => [k, v.name])).toEqual(shapes(m).map(([k]) => [k, k]));
    expect(m.allWeights.map((ws) => ws.length)).toEqual([4, 4, 4, 4]);
    expect(m.allWeights[3]![0]).toBe((m as unknown as Record<string, Variable>).weightIhL1Reverse);
  });

  it('without bias: weights only, biases null', () => {
    const m = new GRU(2, 4, { numLayers: 3, bias: false });
    expect(shapes(m)).toEqual([
      ['weight_ih_l0', [12, 2]],
      ['weight_hh_l0', [12, 4]],
      ['weight_ih_l1', [12, 4]],
      ['weight_hh_l1', [12, 4]],
      ['weight_ih_l2', [12, 4]],
      ['weight_hh_l2', [12, 4]],
    ]);
    expect(m.biasIhL0).toBeNull();
    expect(m.summary().totalParams).toBe(12 * 2 + 12 * 4 * 5);
  });

  it('cells', () => {
    expect(shapes(new RNNCell(3, 2))).toEqual([
      ['weight_ih', [2, 3]],
      ['weight_hh', [2, 2]],
      ['bias_ih', [2]],
      ['bias_hh', [2]],
    ]);
    expect(shapes(new LSTMCell(3, 2, { bias: false }))).toEqual([
      ['weight_ih', [8, 3]],
      ['weight_hh', [8, 2]],
    ]);
    expect(shapes(new GRUCell(3, 2)).map(([, s]) => s)).toEqual([[6, 3], [6, 2], [6], [6]]);
  });

  it('hyper-parameters are readable as in PyTorch', () => {
    const m = new RNN(3, 4, {
      numLayers: 2,
      nonlinearity: 'relu',
      batchFirst: true,
      dropout: 0.25,
      bidirectional: true,
      bias: false,
    });
    expect([
      m.inputSize,
      m.hiddenSize,
      m.numLayers,
      m.nonlinearity,
      m.batchFirst,
      m.dropout,
      m.bidirectional,
      m.bias,
    ]).toEqual([3, 4, 2, 'relu', true, 0.25, true, false]);
  });
});

describe('initialisation', () => {
  it('every parameter is U(−1/√H, 1/√H), reproducible with a generator', () => {
    for (const build of [
      (g: Generator) => new RNN(3, 16, { numLayers: 2, generator: g }),
      (g: Generator) => new LSTM(3, 16, { bidirectional: true, generator: g }),
      (g: Generator) => new GRU(3, 16, { generator: g }),
      (g: Generator) => new LSTMCell(3, 16, { generator: g }),
    ]) {
      const a = build(new Generator(5));
      const b = build(new Generator(5));
      const c = build(new Generator(6));
      for (const [key, v] of a.namedParameters()) {
        expect(all(le(abs(v.value), 0.25)).item(), key).toBe(true);
        const values = Array.from(v.value.dataSync());
        expect(Math.max(...values.map(Math.abs)), key).toBeGreaterThan(0.2); // spread over the range
        expect(values, key).toEqual(Array.from(b.stateDict()[key]!.dataSync()));
        expect(values, key).not.toEqual(Array.from(c.stateDict()[key]!.dataSync()));
      }
      for (const m of [a, b, c]) m.dispose();
    }
  });

  it('dtype option and to(dtype)', () => {
    const m = new GRU(2, 3, { dtype: 'float64', numLayers: 2 });
    expect(m.parameters().every((p) => p.dtype === 'float64')).toBe(true);
    const [out, h] = m.call(zeros([4, 1, 2], { dtype: 'float64' }));
    expect([out.dtype, h.dtype]).toEqual(['float64', 'float64']);
    m.to('float32');
    expect(m.call(zeros([4, 1, 2]))[0].dtype).toBe('float32');
  });

  it('loadStateDict moves the weights from one LSTM to another', () => {
    const a = new LSTM(2, 3, { numLayers: 2 });
    const b = new LSTM(2, 3, { numLayers: 2 });
    b.loadStateDict(a.stateDict());
    const x = ones([4, 2, 2]);
    expect(b.call(x)[0].toArray()).toEqual(a.call(x)[0].toArray());
    expect(() => new LSTM(2, 3).loadStateDict(a.stateDict())).toThrow(ArgumentError); // unexpected l1 keys
  });
});

describe('constructor validation', () => {
  const cases: [string, () => unknown, typeof ArgumentError | typeof DTypeError, string][] = [
    ['hiddenSize 0', () => new LSTM(3, 0), ArgumentError, 'new LSTM'],
    ['fractional inputSize', () => new GRU(2.5, 3), ArgumentError, 'new GRU'],
    ['numLayers 0', () => new RNN(3, 4, { numLayers: 0 }), ArgumentError, 'new RNN'],
    ['dropout 1.5', () => new GRU(3, 4, { dropout: 1.5 }), ArgumentError, 'new GRU'],
    ['nonlinearity sigmoid', () => new RNN(3, 4, { nonlinearity: 'sigmoid' as never }), ArgumentError, 'new RNN'],
    ['projSize', () => new LSTM(3, 4, { projSize: 2 } as never), ArgumentError, 'new LSTM'],
    ['unknown option', () => new GRU(3, 4, { nonlinearity: 'relu' } as never), ArgumentError, 'new GRU'],
    ['int32 dtype', () => new LSTM(3, 4, { dtype: 'int32' as never }), DTypeError, 'new LSTM'],
    ['cell hiddenSize 0', () => new GRUCell(3, 0), ArgumentError, 'new GRUCell'],
    ['cell nonlinearity', () => new RNNCell(3, 2, { nonlinearity: 'gelu' as never }), ArgumentError, 'new RNNCell'],
    ['cell unknown option', () => new LSTMCell(3, 2, { numLayers: 2 } as never), ArgumentError, 'new LSTMCell'],
  ];
  for (const [what, build, error, op] of cases) {
    it(what, () => {
      expectError(build, error, op);
    });
  }
});

describe('forward validation names the layer', () => {
  const lstm = new LSTM(3, 4, { numLayers: 2 });
  const gru = new GRU(3, 4, { bidirectional: true });
  const rnn = new RNN(3, 4, { batchFirst: true });
  const cases: [string, () => unknown, typeof ShapeError | typeof DTypeError | typeof ArgumentError, string, string][] =
    [
      ['x of rank 1', () => lstm.call(zeros([3])), ShapeError, 'LSTM.forward', 'x'],
      ['x of rank 4', () => gru.call(zeros([2, 2, 2, 3])), ShapeError, 'GRU.forward', 'x'],
      ['wrong inputSize', () => rnn.call(zeros([2, 5, 4])), ShapeError, 'RNN.forward', 'x'],
      ['empty sequence', () => lstm.call(zeros([0, 2, 3])), ShapeError, 'LSTM.forward', 'x'],
      [
        'h0 for 1 layer of 2',
        () => lstm.call(zeros([5, 2, 3]), [zeros([1, 2, 4]), zeros([2, 2, 4])]),
        ShapeError,
        'LSTM.forward',
        'h0',
      ],
      [
        'c0 of the wrong batch',
        () => lstm.call(zeros([5, 2, 3]), [zeros([2, 2, 4]), zeros([2, 3, 4])]),
        ShapeError,
        'LSTM.forward',
        'c0',
      ],
      [
        'hx not a pair',
        () => lstm.call(zeros([5, 2, 3]), [zeros([2, 2, 4])] as never),
        ArgumentError,
        'LSTM.forward',
        'hx',
      ],
      ['hx of one direction', () => gru.call(zeros([5, 2, 3]), zeros([1, 2, 4])), ShapeError, 'GRU.forward', 'hx'],
      ['batched hx, unbatched x', () => gru.call(zeros([5, 3]), zeros([2, 1, 4])), ShapeError, 'GRU.forward', 'hx'],
      [
        'hx batch from the wrong dim (batchFirst)',
        () => rnn.call(zeros([2, 5, 3]), zeros([1, 5, 4])),
        ShapeError,
        'RNN.forward',
        'hx',
      ],
      ['float64 x', () => gru.call(zeros([5, 2, 3], { dtype: 'float64' })), DTypeError, 'GRU.forward', 'x'],
      [
        'float64 hx',
        () => gru.call(zeros([5, 2, 3]), zeros([2, 2, 4], { dtype: 'float64' })),
        DTypeError,
        'GRU.forward',
        'hx',
      ],
      ['int32 x', () => rnn.call(zeros([2, 5, 3], { dtype: 'int32' })), DTypeError, 'RNN.forward', 'x'],
      ['not a tensor', () => rnn.call([[1, 2, 3]] as never), ArgumentError, 'RNN.forward', 'x'],
      ['cell x of rank 3', () => new GRUCell(3, 2).call(zeros([1, 1, 3])), ShapeError, 'GRUCell.forward', 'x'],
      ['cell wrong inputSize', () => new RNNCell(3, 2).call(zeros([1, 2])), ShapeError, 'RNNCell.forward', 'x'],
      [
        'cell h batch',
        () => new LSTMCell(3, 2).call(zeros([4, 3]), [zeros([4, 2]), zeros([3, 2])]),
        ShapeError,
        'LSTMCell.forward',
        'c',
      ],
      [
        'cell unbatched x, batched h',
        () => new RNNCell(3, 2).call(zeros([3]), zeros([1, 2])),
        ShapeError,
        'RNNCell.forward',
        'hx',
      ],
    ];
  for (const [what, run, error, op, arg] of cases) {
    it(what, () => {
      expectError(run, error, op, arg);
    });
  }

  it('an empty batch is fine (as PyTorch)', () => {
    const [out, [h, c]] = lstm.call(zeros([5, 0, 3]));
    expect([out.shape, h.shape, c.shape]).toEqual([
      [5, 0, 4],
      [2, 0, 4],
      [2, 0, 4],
    ]);
    expect(new GRU(0, 2).call(zeros([3, 2, 0]))[0].shape).toEqual([3, 2, 2]);
  });
});
