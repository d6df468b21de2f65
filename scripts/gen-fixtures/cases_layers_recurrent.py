"""Oracle fixtures of @nn/layers' recurrent group: RNN (tanh, relu), LSTM, GRU and their cells.

Writes packages/layers/test/fixtures/recurrent.json (entry format and tolerances: layerlib.py); the test is
packages/layers/test/oracle-recurrent.test.ts.

Every entry's `args` holds the constructor arguments in @nn's camelCase form (only those that differ from the
defaults). The inputs are, in call order, "x" and then the initial states when the case passes them: "hx" for
RNN / GRU / RNNCell / GRUCell, "h0" and "c0" for LSTM and LSTMCell (the TypeScript test passes them as the pair
[h0, c0], as PyTorch takes the tuple (h0, c0)). The outputs are named "output", "hN" (and "cN") for the sequence
layers and "h" (and "c") for the cells. Gradients are taken wrt x, the initial states and every parameter.

Dropout between layers draws from the RNG, which differs between PyTorch and @nn: the dropout entries run in eval
mode (where dropout must have no effect); training-mode dropout is tested in recurrent-modules.test.ts.

Accumulation length K (see k_sequence, k_cell): per layer, the forward pre-activations of every step sum
inputSize + H products and carry the rounding of all earlier steps (L·(in + H)); backward, the state gradient
flows through W_hh at every step (L·G·H terms, G gates), the input gradient sums G·H terms per element (within
that), and the parameter gradients sum over the L·N rows (L·N). Layers add up, since each reads the one below.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from gradlib import qrandn
from layerlib import LayerFixtureFile, quantize_module

SEED = 5150

GATES = {'RNN': 1, 'LSTM': 4, 'GRU': 3}


def k_sequence(gates: int, l: int, n: int, h_in: int, h: int, layers: int, directions: int) -> int:
    """Accumulation length of a multi-layer recurrence, forward plus backward (module docstring)."""
    total = 0
    for layer in range(layers):
        width = h_in if layer == 0 else directions * h
        total += l * (width + h) + l * gates * h + l * n
    return total


def k_cell(gates: int, n: int, h_in: int, h: int) -> int:
    """One step: the pre-activations (inputSize + H), the backward through both weights (G·H), the batch sum (N)."""
    return k_sequence(gates, 1, n, h_in, h, 1, 1)


def gen() -> LayerFixtureFile:
    f = LayerFixtureFile('recurrent.json', 'PyTorch 1.13 RNN / LSTM / GRU and RNNCell / LSTMCell / GRUCell: outputs, final '
                         'states and gradients wrt input, initial states and parameters (cases_layers_recurrent.py)')
    torch.manual_seed(SEED)

    def sequence(name: str, layer: str, *, nonlinearity: str = 'tanh', l: int = 5, n: int = 3, h_in: int = 4, h: int = 5,
                 layers: int = 1, bias: bool = True, batch_first: bool = False, dropout: float = 0.0,
                 bidirectional: bool = False, unbatched: bool = False, state: bool = True, mode: str = 'train') -> None:
        cls = {'RNN': nn.RNN, 'LSTM': nn.LSTM, 'GRU': nn.GRU}[layer]
        extra: dict[str, Any] = {'nonlinearity': nonlinearity} if layer == 'RNN' else {}
        m = cls(h_in, h, num_layers=layers, bias=bias, batch_first=batch_first, dropout=dropout,
                bidirectional=bidirectional, **extra)
        quantize_module(m)
        d = 2 if bidirectional else 1
        x_shape = (l, h_in) if unbatched else ((n, l, h_in) if batch_first else (l, n, h_in))
        s_shape = (d * layers, h) if unbatched else (d * layers, n, h)
        inputs = {'x': qrandn(*x_shape)}
        if state:
            if layer == 'LSTM':
                inputs['h0'] = qrandn(*s_shape, std=0.5)
                inputs['c0'] = qrandn(*s_shape, std=0.5)
            else:
                inputs['hx'] = qrandn(*s_shape, std=0.5)
        args: dict[str, Any] = {'inputSize': h_in, 'hiddenSize': h}
        for key, value, default in [('numLayers', layers, 1), ('nonlinearity', nonlinearity, 'tanh'), ('bias', bias, True),
                                    ('batchFirst', batch_first, False), ('dropout', dropout, 0.0),
                                    ('bidirectional', bidirectional, False)]:
            if value != default:
                args[key] = value

        def call(mod: nn.Module, a: list[torch.Tensor]) -> Any:
            if len(a) == 1:
                return mod(a[0])
            return mod(a[0], (a[1], a[2]) if layer == 'LSTM' else a[1])

        names = ['output', 'hN', 'cN'] if layer == 'LSTM' else ['output', 'hN']
        k = k_sequence(GATES[layer], l, 1 if unbatched else n, h_in, h, layers, d)
        f.add(name, layer, args, m, inputs, k=k, mode=mode, call=call, output_names=names)

    for layer, nl in [('RNN', 'tanh'), ('RNN', 'relu'), ('LSTM', 'tanh'), ('GRU', 'tanh')]:
        tag = f'{layer} {nl}' if layer == 'RNN' else layer
        kw: dict[str, Any] = {'nonlinearity': nl}
        sequence(f'{tag}: 1 layer, initial state', layer, **kw)
        sequence(f'{tag}: 1 layer, no initial state', layer, state=False, **kw)
        sequence(f'{tag}: 2 layers', layer, layers=2, **kw)
        sequence(f'{tag}: batchFirst', layer, batch_first=True, n=2, l=4, **kw)
        sequence(f'{tag}: bidirectional', layer, bidirectional=True, **kw)
        sequence(f'{tag}: 2 layers, bidirectional, no initial state', layer, layers=2, bidirectional=True, state=False,
                 l=4, **kw)
        sequence(f'{tag}: no bias', layer, bias=False, **kw)
        sequence(f'{tag}: unbatched', layer, unbatched=True, **kw)
        sequence(f'{tag}: unbatched, 2 layers, bidirectional, no initial state', layer, unbatched=True, layers=2,
                 bidirectional=True, state=False, l=4, **kw)
        sequence(f'{tag}: 2 layers, dropout 0.5 in eval mode', layer, layers=2, dropout=0.5, mode='eval', **kw)
    sequence('LSTM: 3 layers, batchFirst, bidirectional, longer sequence', 'LSTM', layers=3, batch_first=True,
             bidirectional=True, l=12, n=2, h_in=3, h=4)
    sequence('GRU: 3 layers, batchFirst, bidirectional, longer sequence', 'GRU', layers=3, batch_first=True,
             bidirectional=True, l=12, n=2, h_in=3, h=4)

    def cell(name: str, layer: str, *, nonlinearity: str = 'tanh', n: int = 3, h_in: int = 4, h: int = 5,
             bias: bool = True, unbatched: bool = False, state: bool = True) -> None:
        cls = {'RNNCell': nn.RNNCell, 'LSTMCell': nn.LSTMCell, 'GRUCell': nn.GRUCell}[layer]
        extra: dict[str, Any] = {'nonlinearity': nonlinearity} if layer == 'RNNCell' else {}
        m = cls(h_in, h, bias=bias, **extra)
        quantize_module(m)
        inputs = {'x': qrandn(*((h_in,) if unbatched else (n, h_in)))}
        s_shape = (h,) if unbatched else (n, h)
        if state:
            if layer == 'LSTMCell':
                inputs['h0'] = qrandn(*s_shape, std=0.5)
                inputs['c0'] = qrandn(*s_shape, std=0.5)
            else:
                inputs['hx'] = qrandn(*s_shape, std=0.5)
        args: dict[str, Any] = {'inputSize': h_in, 'hiddenSize': h}
        if nonlinearity != 'tanh':
            args['nonlinearity'] = nonlinearity
        if not bias:
            args['bias'] = False

        def call(mod: nn.Module, a: list[torch.Tensor]) -> Any:
            if len(a) == 1:
                return mod(a[0])
            return mod(a[0], (a[1], a[2]) if layer == 'LSTMCell' else a[1])

        names = ['h', 'c'] if layer == 'LSTMCell' else ['h']
        gates = GATES[layer.removesuffix('Cell')]
        f.add(name, layer, args, m, inputs, k=k_cell(gates, 1 if unbatched else n, h_in, h), call=call,
              output_names=names)

    for layer, nl in [('RNNCell', 'tanh'), ('RNNCell', 'relu'), ('LSTMCell', 'tanh'), ('GRUCell', 'tanh')]:
        tag = f'{layer} {nl}' if layer == 'RNNCell' else layer
        cell(f'{tag}: with state', layer, nonlinearity=nl)
        cell(f'{tag}: no state', layer, nonlinearity=nl, state=False)
        cell(f'{tag}: no bias', layer, nonlinearity=nl, bias=False)
        cell(f'{tag}: unbatched', layer, nonlinearity=nl, unbatched=True)
    return f


if __name__ == '__main__':
    raise SystemExit('run gen_layers_fixtures.py recurrent')
