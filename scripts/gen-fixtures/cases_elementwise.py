"""Elementwise ops and activations: elementwise.json."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from fixturelib import ABOUT, INF, NAN, FixtureFile, Scalar, randint, randn, seeded, t32


SPECIALS = [NAN, INF, -INF, 0.0, -0.0, 1e-30, -1e-30, 1e4, -1e4, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.7, -1.3,
            20.0, -20.0, 88.0, -88.0, 100.0, -100.0, 1e-3]
PAIR_SPECIALS = [NAN, INF, -INF, 0.0, -0.0, 1e-30, 1e4, -1e4, 1.0, -1.0, 0.5, -2.5, 3.0, -3.0, 1.0 / 3.0, 2.0]

UNARY = {
    'neg': torch.neg, 'abs': torch.abs, 'sign': torch.sign, 'exp': torch.exp, 'log': torch.log,
    'log1p': torch.log1p, 'expm1': torch.expm1, 'sqrt': torch.sqrt, 'rsqrt': torch.rsqrt,
    'square': torch.square, 'reciprocal': torch.reciprocal, 'sin': torch.sin, 'cos': torch.cos,
    'tanh': torch.tanh, 'sigmoid': torch.sigmoid, 'relu': torch.relu, 'erf': torch.erf,
    'floor': torch.floor, 'ceil': torch.ceil, 'round': torch.round, 'silu': F.silu,
    'logicalNot': torch.logical_not, 'isNaN': torch.isnan, 'isFinite': torch.isfinite,
}


def tensor_or_scalar(other: torch.Tensor, v):
    """PyTorch's maximum/minimum/where need tensors: a weak scalar takes the tensor's dtype."""
    if isinstance(v, torch.Tensor):
        return v
    dtype = other.dtype
    if isinstance(v, float) and not dtype.is_floating_point:
        dtype = torch.float32
    return torch.tensor(v, dtype=dtype)


BINARY = {
    'add': lambda a, b: a + b,
    'sub': lambda a, b: a - b,
    'mul': lambda a, b: a * b,
    'div': lambda a, b: torch.true_divide(a, b) if isinstance(a, torch.Tensor) else a / b,
    'pow': lambda a, b: torch.pow(a, b),
    'maximum': lambda a, b: torch.maximum(tensor_or_scalar(b, a), tensor_or_scalar(a, b)),
    'minimum': lambda a, b: torch.minimum(tensor_or_scalar(b, a), tensor_or_scalar(a, b)),
    'eq': lambda a, b: a == b, 'ne': lambda a, b: a != b,
    'lt': lambda a, b: a < b, 'le': lambda a, b: a <= b,
    'gt': lambda a, b: a > b, 'ge': lambda a, b: a >= b,
    'logicalAnd': lambda a, b: torch.logical_and(tensor_or_scalar(b, a), tensor_or_scalar(a, b)),
    'logicalOr': lambda a, b: torch.logical_or(tensor_or_scalar(b, a), tensor_or_scalar(a, b)),
}


def gen_elementwise() -> FixtureFile:
    seeded(1)
    f = FixtureFile('elementwise.json', ABOUT)
    specials = t32(SPECIALS + randn(16).mul(3).tolist(), [5, 8])
    no_nan = t32([v for v in SPECIALS if not math.isnan(v)] + randn(17).mul(3).tolist(), [5, 8])
    moderate = randn(3, 4, 5).mul(2)

    for op, fn in UNARY.items():
        # torch.sign(nan) is 0 in PyTorch (NumPy gives nan); that quirk is not part of the contract.
        x = no_nan if op == 'sign' else specials
        f.add(f'{op} specials [5,8]', op, [x], fn)
        if op not in ('logicalNot', 'isNaN', 'isFinite'):
            f.add(f'{op} randn [3,4,5]', op, [moderate], fn)
    for op in ('exp', 'log', 'sqrt', 'tanh', 'sigmoid', 'erf', 'sin', 'expm1', 'log1p', 'rsqrt', 'reciprocal'):
        f.add(f'{op} float64 specials [5,8]', op, [specials.double()], UNARY[op])
    ints = randint(-6, 7, 3, 5)
    for op in ('exp', 'sqrt', 'sigmoid', 'reciprocal', 'abs', 'neg', 'relu', 'sign', 'isFinite', 'logicalNot'):
        f.add(f'{op} int32 [3,5]', op, [ints], UNARY[op])
    f.add('round ties to even', 'round', [t32([-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.49999997, 1e4 + 0.5])],
          torch.round)
    empty = torch.zeros(0, 3)
    f.add('exp empty [0,3]', 'exp', [empty], torch.exp)
    f.add('add empty [0,3] + [3]', 'add', [empty, randn(3)], lambda a, b: a + b)
    f.add('gt empty [2,0] vs scalar', 'gt', [torch.zeros(2, 0), Scalar(0.0)], lambda a, b: a > b)
    f.add('isNaN bool [4]', 'isNaN', [torch.tensor([True, False, True, False])], torch.isnan)
    f.add('logicalNot bool [4]', 'logicalNot', [torch.tensor([True, False, True, False])], torch.logical_not)

    # Activations with parameters.
    for slope in (None, 0.2, -0.5):
        args = {} if slope is None else {'negativeSlope': slope}
        f.add(f'leakyRelu specials slope={slope}', 'leakyRelu', [specials],
              lambda x, s=slope: F.leaky_relu(x, 0.01 if s is None else s), args)
    for alpha in (None, 0.5, 2.0):
        args = {} if alpha is None else {'alpha': alpha}
        f.add(f'elu specials alpha={alpha}', 'elu', [specials], lambda x, a=alpha: F.elu(x, 1.0 if a is None else a), args)
    for approx in (None, 'none', 'tanh'):
        args = {} if approx is None else {'approximate': approx}
        f.add(f'gelu specials approximate={approx}', 'gelu', [specials],
              lambda x, a=approx: F.gelu(x, approximate=a or 'none'), args)
        f.add(f'gelu randn approximate={approx}', 'gelu', [moderate], lambda x, a=approx: F.gelu(x, approximate=a or 'none'),
              args)
    f.add('gelu float64 approximate=none', 'gelu', [specials.double()], lambda x: F.gelu(x), {'approximate': 'none'})
    f.add('gelu float64 approximate=tanh', 'gelu', [specials.double()], lambda x: F.gelu(x, approximate='tanh'),
          {'approximate': 'tanh'})
    for beta, threshold in ((None, None), (2.0, 10.0), (0.5, 5.0), (1.0, 1.0)):
        args = {} if beta is None else {'beta': beta, 'threshold': threshold}
        f.add(f'softplus specials beta={beta} threshold={threshold}', 'softplus', [specials],
              lambda x, b=beta, th=threshold: F.softplus(x, b or 1.0, th or 20.0), args)
    f.add('softplus randn beta=2 threshold=3', 'softplus', [moderate], lambda x: F.softplus(x, 2.0, 3.0),
          {'beta': 2.0, 'threshold': 3.0})
    f.add('softplus float64', 'softplus', [specials.double()], lambda x: F.softplus(x), {})
    for lo, hi in ((-1.0, 2.0), (0.0, None), (None, 0.5), (-1e-30, 1e-30), (2.0, 2.0)):
        f.add(f'clamp specials min={lo} max={hi}', 'clamp', [specials], lambda x, a=lo, b=hi: torch.clamp(x, a, b),
              {'min': lo, 'max': hi})
    f.add('clamp int32 min=-2 max=3', 'clamp', [ints], lambda x: torch.clamp(x, -2, 3), {'min': -2, 'max': 3})

    # cast
    finite = t32([0.0, -0.0, 0.4, -0.4, 0.6, -0.6, 1.5, -1.5, 2.5, -2.5, 1e4 + 0.75, -12345.9, 1e9, -1e9])
    f.add('cast float32 -> int32 truncates', 'cast', [finite], lambda x: x.to(torch.int32), {'dtype': 'int32'})
    f.add('cast float32 -> bool (nan is true)', 'cast', [specials], lambda x: x.to(torch.bool), {'dtype': 'bool'})
    f.add('cast float32 -> float64', 'cast', [specials], lambda x: x.double(), {'dtype': 'float64'})
    f.add('cast float64 -> float32 rounds', 'cast', [torch.tensor([0.1, 1 / 3, 1e39, -1e39, 1e-50, 16777217.0, NAN],
                                                                  dtype=torch.float64)],
          lambda x: x.float(), {'dtype': 'float32'})
    f.add('cast int32 -> float32', 'cast', [ints], lambda x: x.float(), {'dtype': 'float32'})
    f.add('cast int32 -> bool', 'cast', [ints], lambda x: x.bool(), {'dtype': 'bool'})
    f.add('cast bool -> float32', 'cast', [torch.tensor([True, False, True])], lambda x: x.float(), {'dtype': 'float32'})

    # Binary ops: every pair of specials via broadcasting [16,1] x [16] -> [16,16].
    pa = t32(PAIR_SPECIALS, [len(PAIR_SPECIALS), 1])
    pb = t32(PAIR_SPECIALS)
    ra, rb = randn(3, 4, 5), randn(3, 4, 5)
    ba, bb = randn(2, 1, 4), randn(3, 1)
    for op, fn in BINARY.items():
        f.add(f'{op} specials pairs [16,1] x [16]', op, [pa, pb], fn)
        f.add(f'{op} randn same shape [3,4,5]', op, [ra, rb] if op != 'pow' else [ra.abs(), rb], fn)
        f.add(f'{op} broadcast [2,1,4] x [3,1]', op, [ba, bb] if op != 'pow' else [ba.abs(), bb], fn)
        f.add(f'{op} tensor x scalar 2.5', op, [ra, Scalar(2.5)], fn)
        f.add(f'{op} scalar -1.5 x tensor', op, [Scalar(-1.5), ra], fn)
        f.add(f'{op} 0-d x [4]', op, [t32(0.75), t32([-1.0, 0.75, 2.0, NAN])], fn)
        f.add(f'{op} float64 pairs', op, [pa.double(), pb.double()], fn)
    f.add('pow scalar exponent 2', 'pow', [specials, Scalar(2)], lambda a, b: torch.pow(a, b))
    f.add('pow scalar exponent 3', 'pow', [specials, Scalar(3)], lambda a, b: torch.pow(a, b))
    f.add('pow scalar exponent -1', 'pow', [specials, Scalar(-1)], lambda a, b: torch.pow(a, b))
    # PyTorch evaluates x ** 0.5 as sqrt(x), so pow(-inf, 0.5) is nan there but inf in C; -inf is left out.
    f.add('pow scalar exponent 0.5 (no -inf)', 'pow', [no_nan.clamp(-1e30, None), Scalar(0.5)],
          lambda a, b: torch.pow(a, b))
    f.add('pow scalar base 2', 'pow', [Scalar(2), specials], lambda a, b: torch.pow(a, b))
    f.add('pow scalar base -2 with integral exponents', 'pow', [Scalar(-2), t32([0, 1, 2, 3, -1, -2, 10, 0.5])],
          lambda a, b: torch.pow(a, b))
    # Integer and mixed dtypes (weak JavaScript scalars, as in PyTorch).
    ia, ib = randint(-50, 51, 3, 4), randint(-5, 6, 4)
    f.add('add int32 [3,4] + int32 [4]', 'add', [ia, ib], BINARY['add'])
    f.add('sub int32 [3,4] - int32 [4]', 'sub', [ia, ib], BINARY['sub'])
    f.add('mul int32 [3,4] * int32 [4]', 'mul', [ia, ib], BINARY['mul'])
    f.add('div int32 / int32 is true division', 'div', [ia, ib], BINARY['div'])
    f.add('div int32 by zero', 'div', [torch.tensor([0, 5, -5, 7, -7], dtype=torch.int32),
                                       torch.tensor([0, 0, 0, 2, 2], dtype=torch.int32)], BINARY['div'])
    f.add('maximum int32', 'maximum', [ia, ib], BINARY['maximum'])
    f.add('minimum int32', 'minimum', [ia, ib], BINARY['minimum'])
    f.add('pow int32 ** 2', 'pow', [ia, Scalar(2)], BINARY['pow'])
    f.add('add int32 + scalar 2 stays int32', 'add', [ia, Scalar(2)], BINARY['add'])
    f.add('add int32 + scalar 2.5 gives float32', 'add', [ia, Scalar(2.5)], BINARY['add'])
    f.add('mul int32 * scalar 0.5 gives float32', 'mul', [ia, Scalar(0.5)], BINARY['mul'])
    f.add('add float32 + int32 tensor', 'add', [ra[0, :3, :4].clone(), ia], BINARY['add'])
    f.add('mul float32 * bool tensor', 'mul', [ra[0, 0], torch.tensor([True, False, True, True, False])], BINARY['mul'])
    f.add('add float32 + float64 gives float64', 'add', [ra[0], rb[0].double()], BINARY['add'])
    f.add('lt int32 vs scalar 2.5', 'lt', [ia, Scalar(2.5)], BINARY['lt'])
    f.add('eq int32 vs float32', 'eq', [ib, t32([-5.0, 0.0, 5.0, 1.5])], BINARY['eq'])
    f.add('ge bool vs bool', 'ge', [torch.tensor([True, True, False, False]), torch.tensor([True, False, True, False])],
          BINARY['ge'])
    f.add('logicalAnd bool x bool', 'logicalAnd', [torch.tensor([[True], [False]]), torch.tensor([True, False])],
          BINARY['logicalAnd'])
    f.add('logicalOr int32 x bool', 'logicalOr', [ib, torch.tensor([True, False, False, False])], BINARY['logicalOr'])
    f.add('logicalAnd float x scalar true', 'logicalAnd', [pb, Scalar(True)], BINARY['logicalAnd'])

    # where
    cond = torch.rand(4, 1) > 0.5
    cond2 = torch.tensor([True, False, True, False, True])
    f.add('where cond [4,1], a [4,5], b [5]', 'where', [cond, randn(4, 5), randn(5)], torch.where)
    f.add('where cond [5], a specials [5], scalar 0', 'where', [cond2, t32([NAN, INF, -1.0, 2.0, NAN]), Scalar(0.0)],
          lambda c, a, b: torch.where(c, a, tensor_or_scalar(a, b)))
    f.add('where cond [5], scalars 1.5 and -2', 'where', [cond2, Scalar(1.5), Scalar(-2.0)],
          lambda c, a, b: torch.where(c, torch.tensor(a), torch.tensor(b)))
    f.add('where cond [2,1,5], int32 a [5], float32 b [3,1]', 'where',
          [cond2.reshape(1, 5).expand(2, 5).reshape(2, 1, 5).clone(), ib.repeat(2)[:5].clone(), randn(3, 1)], torch.where)
    f.add('where float64', 'where', [cond, randn(4, 5).double(), randn(5).double()], torch.where)
    return f
