"""Pooling ops and their gradient primitives: pooling.json."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from fixturelib import ABOUT, INF, NAN, FixtureFile, pair, randn, seeded, t32


def pool_opts(**kw):
    return {k: v for k, v in kw.items() if v is not None}


def torch_max_pool(x, k, o):
    return F.max_pool2d(x, pair(k, 1), stride=pair(o.get('stride', k), 1), padding=pair(o.get('padding'), 0),
                        dilation=pair(o.get('dilation'), 1), ceil_mode=o.get('ceilMode', False))


def torch_avg_pool(x, k, o):
    return F.avg_pool2d(x, pair(k, 1), stride=pair(o.get('stride', k), 1), padding=pair(o.get('padding'), 0),
                        ceil_mode=o.get('ceilMode', False), count_include_pad=o.get('countIncludePad', True))


def gen_pooling() -> FixtureFile:
    seeded(6)
    f = FixtureFile('pooling.json', ABOUT)
    max_cases = [
        ('k2', (1, 2, 4, 4), 2, {}),
        ('k3 stride 2 padding 1', (2, 2, 7, 6), 3, pool_opts(stride=2, padding=1)),
        ('k[2,3] stride [1,2]', (1, 3, 5, 7), [2, 3], pool_opts(stride=[1, 2])),
        ('k3 dilation 2', (1, 1, 8, 8), 3, pool_opts(dilation=2, stride=1)),
        ('k2 dilation [1,2] padding 1', (1, 1, 6, 7), 2, pool_opts(dilation=[1, 2], padding=1)),
        ('k3 stride 2 ceilMode', (1, 2, 6, 6), 3, pool_opts(stride=2, ceilMode=True)),
        ('k2 stride 2 ceilMode odd input', (1, 1, 5, 7), 2, pool_opts(ceilMode=True)),
        ('k3 stride 2 padding 1 ceilMode', (1, 1, 6, 6), 3, pool_opts(stride=2, padding=1, ceilMode=True)),
        ('k3 stride 1 overlapping', (2, 1, 5, 5), 3, pool_opts(stride=1)),
    ]
    for name, sx, k, opts in max_cases:
        x = randn(*sx)
        y = torch_max_pool(x, k, opts)
        dy = randn(*y.shape)
        f.add(f'maxPool2d {name}', 'maxPool2d', [x], lambda x, k=k, o=opts: torch_max_pool(x, k, o),
              {'kernelSize': k, 'options': opts})

        def back(dy, x, k=k, o=opts):
            xx = x.clone().requires_grad_(True)
            (torch_max_pool(xx, k, o) * dy).sum().backward()
            return xx.grad

        # Each input gathers the dy of at most kh·kw windows.
        kk = pair(k, 1)
        f.add(f'maxPool2dBackprop {name}', 'maxPool2dBackprop', [dy, x], back, {'kernelSize': k, 'options': opts},
              k=kk[0] * kk[1], scale=float(back(dy.abs(), x).abs().max()))
    xs = randn(1, 1, 4, 4)
    xs[0, 0, 0, 0] = NAN
    xs[0, 0, 2, 3] = -INF
    xs[0, 0, 3, 2] = INF
    f.add('maxPool2d specials (nan propagates)', 'maxPool2d', [xs], lambda x: torch_max_pool(x, 2, {}),
          {'kernelSize': 2, 'options': {}})
    f.add('maxPool2d all -inf window with padding', 'maxPool2d', [torch.full((1, 1, 3, 3), -INF)],
          lambda x: torch_max_pool(x, 3, {'stride': 1, 'padding': 1}),
          {'kernelSize': 3, 'options': {'stride': 1, 'padding': 1}})
    ties = t32([[1, 1, 2, 2], [1, 1, 2, 2], [3, 0, 0, 3], [0, 3, 3, 0]], [1, 1, 4, 4])

    def tie_back(dy, x):
        xx = x.clone().requires_grad_(True)
        (torch_max_pool(xx, 2, {'stride': 1}) * dy).sum().backward()
        return xx.grad

    f.add('maxPool2dBackprop ties go to the first maximum', 'maxPool2dBackprop', [torch.ones(1, 1, 3, 3), ties], tie_back,
          {'kernelSize': 2, 'options': {'stride': 1}})
    f.add('maxPool2d float64 k2', 'maxPool2d', [randn(1, 2, 4, 4).double()], lambda x: torch_max_pool(x, 2, {}),
          {'kernelSize': 2, 'options': {}})

    avg_cases = [
        ('k2', (1, 2, 4, 4), 2, {}),
        ('k3 stride 2 padding 1 countIncludePad', (2, 2, 7, 6), 3, pool_opts(stride=2, padding=1)),
        ('k3 stride 2 padding 1 excluding pad', (2, 2, 7, 6), 3, pool_opts(stride=2, padding=1, countIncludePad=False)),
        ('k[2,3] stride [1,2]', (1, 3, 5, 7), [2, 3], pool_opts(stride=[1, 2])),
        ('k3 stride 2 ceilMode', (1, 2, 6, 6), 3, pool_opts(stride=2, ceilMode=True)),
        ('k3 stride 2 padding 1 ceilMode countIncludePad', (1, 1, 6, 6), 3,
         pool_opts(stride=2, padding=1, ceilMode=True)),
        ('k3 stride 2 padding 1 ceilMode excluding pad', (1, 1, 6, 6), 3,
         pool_opts(stride=2, padding=1, ceilMode=True, countIncludePad=False)),
        ('k2 ceilMode odd input', (1, 1, 5, 7), 2, pool_opts(ceilMode=True)),
        ('k[3,2] padding [1,1] stride [2,1]', (1, 2, 5, 4), [3, 2], pool_opts(stride=[2, 1], padding=[1, 1])),
    ]
    for name, sx, k, opts in avg_cases:
        x = randn(*sx)
        y = torch_avg_pool(x, k, opts)
        dy = randn(*y.shape)
        kk = pair(k, 1)
        # A window mean of at most kh·kw terms: S = max avgPool2d(|x|).
        f.add(f'avgPool2d {name}', 'avgPool2d', [x], lambda x, k=k, o=opts: torch_avg_pool(x, k, o),
              {'kernelSize': k, 'options': opts}, k=kk[0] * kk[1], scale='abs')

        def back(dy, k=k, o=opts, shape=sx):
            xx = torch.zeros(shape, dtype=dy.dtype, requires_grad=True)
            torch_avg_pool(xx, k, o).backward(dy)
            return xx.grad

        f.add(f'avgPool2dBackprop {name}', 'avgPool2dBackprop', [dy], back,
              {'inputShape': list(sx), 'kernelSize': k, 'options': opts}, k=kk[0] * kk[1], scale='abs')
    f.add('avgPool2d specials', 'avgPool2d', [xs], lambda x: torch_avg_pool(x, 2, {}), {'kernelSize': 2, 'options': {}},
          k=4, scale='abs')
    f.add('avgPool2d float64 k2', 'avgPool2d', [randn(1, 2, 4, 4).double()], lambda x: torch_avg_pool(x, 2, {}),
          {'kernelSize': 2, 'options': {}}, k=4, scale='abs')

    # adaptiveAvgPool2d: window [floor(i·H/h'), ceil((i+1)·H/h')); S = max adaptiveAvgPool2d(|x|).
    for name, sx, out in (
        ('6x6 -> 3 (divisible)', (1, 2, 6, 6), 3),
        ('7x5 -> [3,2] (non-divisible)', (2, 2, 7, 5), [3, 2]),
        ('5x5 -> 1 (global)', (1, 3, 5, 5), 1),
        ('3x3 -> 4 (larger output)', (1, 1, 3, 3), 4),
        ('10x7 -> [4,3]', (1, 2, 10, 7), [4, 3]),
        ('4x4 -> 4 (identity)', (1, 1, 4, 4), 4),
    ):
        x = randn(*sx)
        kmax = math.ceil(sx[2] / pair(out, 1)[0] + 1) * math.ceil(sx[3] / pair(out, 1)[1] + 1)
        f.add(f'adaptiveAvgPool2d {name}', 'adaptiveAvgPool2d', [x],
              lambda x, o=out: F.adaptive_avg_pool2d(x, pair(o, 1)), {'outputSize': out}, k=kmax, scale='abs')
    return f
