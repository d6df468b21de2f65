"""Oracle fixtures of @nn/layers' activation modules: ReLU, LeakyReLU, ELU, GELU, SiLU, Sigmoid, Tanh, Softplus,
Softmax, LogSoftmax and the extras LogSigmoid, Hardtanh, ReLU6, Hardsigmoid, Hardswish, SELU, Mish, Softsign, GLU,
PReLU.

Writes packages/layers/test/fixtures/activations.json (entry format and tolerances: layerlib.py); the test is
packages/layers/test/oracle-activations.test.ts. `args` holds the constructor arguments in @nn's camelCase form,
keyed by name (negativeSlope, alpha, approximate, beta, threshold, dim, minVal, maxVal, numParameters, init); the
test passes them positionally in PyTorch's order.

Inputs keep a margin of 0.05 from every kink (0 for the rectifiers, the clip points of Hardtanh / ReLU6 /
Hardsigmoid / Hardswish, Softplus' threshold), where PyTorch's one-sided derivative is a convention; the kink
conventions are unit-tested in activations-modules.test.ts.

K (accumulation length, forward + backward): 0 for elementwise activations; 2·D for Softmax / LogSoftmax over a
dim of size D (the forward's and the backward's row sums); for PReLU the weight gradient's sum, |x| / C.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from gradlib import q, qrandn
from layerlib import LayerFixtureFile

SEED = 4242


def away(x: torch.Tensor, kinks: list[float], margin: float = 0.05) -> torch.Tensor:
    """`x` with every value within `margin` of a kink moved to kink ± 2·margin (float32, short decimals)."""
    y = x.clone().double()
    for p in kinks:
        near = (y - p).abs() < margin
        y = torch.where(near, p + torch.where(y >= p, 2 * margin, -2 * margin), y)
    return q(y)


def gen() -> LayerFixtureFile:
    f = LayerFixtureFile('activations.json', 'PyTorch 1.13 activation modules: outputs and gradients wrt the input '
                         '(and PReLU\'s weight) (cases_layers_activations.py)')
    torch.manual_seed(SEED)

    def act(name: str, layer: str, args: dict, module: nn.Module, x: torch.Tensor, k: int = 0) -> None:
        f.add(name, layer, args, module, {'x': x}, k=k)

    def x(*shape: int, std: float = 2.0, kinks: list[float] | None = None) -> torch.Tensor:
        return away(qrandn(*shape, std=std), kinks if kinks is not None else [])

    act('ReLU [3, 4]', 'ReLU', {}, nn.ReLU(), x(3, 4, kinks=[0]))
    act('ReLU [2, 3, 4]', 'ReLU', {}, nn.ReLU(), x(2, 3, 4, kinks=[0]))
    act('LeakyReLU default slope', 'LeakyReLU', {}, nn.LeakyReLU(), x(3, 4, kinks=[0]))
    act('LeakyReLU slope 0.2', 'LeakyReLU', {'negativeSlope': 0.2}, nn.LeakyReLU(0.2), x(3, 4, kinks=[0]))
    act('LeakyReLU slope -0.5', 'LeakyReLU', {'negativeSlope': -0.5}, nn.LeakyReLU(-0.5), x(2, 5, kinks=[0]))
    act('ELU default alpha', 'ELU', {}, nn.ELU(), x(3, 4, std=3, kinks=[0]))
    act('ELU alpha 0.5', 'ELU', {'alpha': 0.5}, nn.ELU(0.5), x(3, 4, std=3, kinks=[0]))
    act('GELU exact', 'GELU', {}, nn.GELU(), x(3, 5, std=3))
    act('GELU tanh', 'GELU', {'approximate': 'tanh'}, nn.GELU(approximate='tanh'), x(3, 5, std=3))
    act('SiLU', 'SiLU', {}, nn.SiLU(), x(3, 5, std=4))
    act('Sigmoid', 'Sigmoid', {}, nn.Sigmoid(), x(3, 5, std=4))
    act('Sigmoid saturated ±30', 'Sigmoid', {}, nn.Sigmoid(), q(torch.tensor([-30.0, -12.5, 12.5, 30.0])))
    act('Tanh', 'Tanh', {}, nn.Tanh(), x(3, 5, std=2))
    act('Softplus default', 'Softplus', {}, nn.Softplus(), x(3, 5, std=4, kinks=[20]))
    act('Softplus past the threshold ±25', 'Softplus', {}, nn.Softplus(), q(torch.tensor([-25.0, -3.0, 19.5, 25.0])))
    act('Softplus beta 2 threshold 5', 'Softplus', {'beta': 2, 'threshold': 5}, nn.Softplus(2, 5),
        x(3, 5, std=3, kinks=[2.5]))
    act('Softplus beta 0.5', 'Softplus', {'beta': 0.5}, nn.Softplus(0.5), x(3, 4, std=3))

    for layer, cls in (('Softmax', nn.Softmax), ('LogSoftmax', nn.LogSoftmax)):
        act(f'{layer} dim -1 [3, 5]', layer, {'dim': -1}, cls(dim=-1), x(3, 5), k=10)
        act(f'{layer} dim 0 [4, 3]', layer, {'dim': 0}, cls(dim=0), x(4, 3), k=8)
        act(f'{layer} dim 1 [2, 3, 4]', layer, {'dim': 1}, cls(dim=1), x(2, 3, 4), k=6)
        act(f'{layer} default dim (last) [2, 3, 4]', layer, {}, cls(dim=-1), x(2, 3, 4), k=8)
        act(f'{layer} 1-D [6]', layer, {}, cls(dim=-1), x(6), k=12)
        act(f'{layer} huge logits', layer, {'dim': 1}, cls(dim=1),
            q(torch.tensor([[1000.0, 0.0, -1000.0], [-500.0, -501.0, -499.5]])), k=6)

    act('LogSigmoid', 'LogSigmoid', {}, nn.LogSigmoid(), x(3, 5, std=4))
    act('LogSigmoid ±50', 'LogSigmoid', {}, nn.LogSigmoid(), q(torch.tensor([-50.0, -0.5, 0.5, 50.0])))
    act('Hardtanh default', 'Hardtanh', {}, nn.Hardtanh(), x(3, 5, std=2, kinks=[-1, 1]))
    act('Hardtanh [-2, 3]', 'Hardtanh', {'minVal': -2, 'maxVal': 3}, nn.Hardtanh(-2, 3), x(3, 5, std=3, kinks=[-2, 3]))
    act('ReLU6', 'ReLU6', {}, nn.ReLU6(), away(q(torch.rand(3, 5, dtype=torch.float64) * 12 - 3), [0, 6]))
    act('Hardsigmoid', 'Hardsigmoid', {}, nn.Hardsigmoid(), x(3, 5, std=3, kinks=[-3, 3]))
    act('Hardswish', 'Hardswish', {}, nn.Hardswish(), x(3, 5, std=3, kinks=[-3, 3]))
    act('SELU', 'SELU', {}, nn.SELU(), x(3, 5, std=3, kinks=[0]))
    act('Mish', 'Mish', {}, nn.Mish(), x(3, 5, std=4))
    act('Mish large ±30', 'Mish', {}, nn.Mish(), q(torch.tensor([-30.0, -2.0, 25.0, 30.0])))
    act('Softsign', 'Softsign', {}, nn.Softsign(), x(3, 5, std=3))
    act('GLU dim -1 [3, 4]', 'GLU', {}, nn.GLU(), x(3, 4))
    act('GLU dim 1 [2, 4, 3]', 'GLU', {'dim': 1}, nn.GLU(dim=1), x(2, 4, 3))
    act('GLU dim 0 [2]', 'GLU', {'dim': 0}, nn.GLU(dim=0), x(2))

    def prelu(name: str, n: int, shape: tuple[int, ...], slopes: list[float] | None = None) -> None:
        m = nn.PReLU(n)
        if slopes is not None:
            with torch.no_grad():
                m.weight.copy_(torch.tensor(slopes))
        k = math.prod(shape) // n
        act(name, 'PReLU', {'numParameters': n} if n != 1 else {}, m, x(*shape, kinks=[0]), k=k)

    prelu('PReLU one slope [3, 4]', 1, (3, 4))
    prelu('PReLU one slope [2, 3, 2]', 1, (2, 3, 2), [-0.375])
    prelu('PReLU per channel [2, 3, 4]', 3, (2, 3, 4), [0.25, -0.125, 0.5])
    prelu('PReLU per channel [4, 2]', 2, (4, 2), [0.75, 0.0625])
    f.add('PReLU init 0.1', 'PReLU', {'numParameters': 2, 'init': 0.1}, nn.PReLU(2, init=0.1),
          {'x': x(3, 2, kinks=[0])}, k=3)
    return f
