"""matmul / dot / outer and the convolutions with their gradient primitives: matmul.json and conv.json."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from fixturelib import ABOUT, INF, NAN, FixtureFile, pair, randn, seeded, t32


def gen_matmul() -> FixtureFile:
    seeded(4)
    f = FixtureFile('matmul.json', ABOUT)
    # Each output is Σ_k a_ik·b_kj: K = the inner size, S = max (|a| @ |b|).
    cases = [
        ('2-D [3,4] @ [4,5]', (3, 4), (4, 5)),
        ('2-D [1,1] @ [1,1]', (1, 1), (1, 1)),
        ('2-D [7,1] @ [1,6] (K=1)', (7, 1), (1, 6)),
        ('2-D [64,48] @ [48,32]', (64, 48), (48, 32)),
        ('2-D [5,64] @ [64,3]', (5, 64), (64, 3)),
        ('2-D [17,33] @ [33,9]', (17, 33), (33, 9)),
        ('batched [2,3,4] @ [2,4,5]', (2, 3, 4), (2, 4, 5)),
        ('broadcast batch [2,1,3,4] @ [3,4,2]', (2, 1, 3, 4), (3, 4, 2)),
        ('broadcast batch [4,6,5] @ [5,7]', (4, 6, 5), (5, 7)),
        ('broadcast batch [6,5] @ [3,5,2]', (6, 5), (3, 5, 2)),
        ('1-D @ 1-D [8] @ [8]', (8,), (8,)),
        ('1-D @ 2-D [4] @ [4,3]', (4,), (4, 3)),
        ('2-D @ 1-D [3,4] @ [4]', (3, 4), (4,)),
        ('1-D @ 3-D [4] @ [2,4,3]', (4,), (2, 4, 3)),
        ('3-D @ 1-D [2,3,4] @ [4]', (2, 3, 4), (4,)),
        ('4-D [2,2,3,4] @ [2,2,4,3]', (2, 2, 3, 4), (2, 2, 4, 3)),
        ('empty K [2,0] @ [0,3]', (2, 0), (0, 3)),
        ('empty M [0,4] @ [4,3]', (0, 4), (4, 3)),
    ]
    for name, sa, sb in cases:
        a, b = randn(*sa), randn(*sb)
        f.add(f'matmul {name}', 'matmul', [a, b], torch.matmul, k=sa[-1], scale='abs')
    a, b = randn(16, 16).double(), randn(16, 16).double()
    f.add('matmul float64 [16,16] @ [16,16]', 'matmul', [a, b], torch.matmul, k=16, scale='abs')
    sa = t32([[INF, 1.0, 0.0], [1.0, 2.0, 3.0], [NAN, 0.0, 0.0], [1e4, 1e4, -1e4]])
    sb = t32([[0.0, 1.0], [1.0, 0.0], [2.0, 1e-30]])
    f.add('matmul specials (inf*0 is nan)', 'matmul', [sa, sb], torch.matmul, k=3, scale='abs')
    f.add('matmul large magnitudes [4,8] @ [8,4]', 'matmul', [randn(4, 8).mul(1e4), randn(8, 4).mul(1e4)], torch.matmul,
          k=8, scale='abs')
    for n in (1, 7, 33):
        f.add(f'dot [{n}]', 'dot', [randn(n), randn(n)], torch.dot, k=n, scale='abs')
    f.add('dot float64 [10]', 'dot', [randn(10).double(), randn(10).double()], torch.dot, k=10, scale='abs')
    f.add('outer [5] x [3]', 'outer', [randn(5), randn(3)], torch.outer, k=1, scale='abs')
    f.add('outer specials', 'outer', [t32([INF, 0.0, NAN, 1e4]), t32([0.0, -1.0, 1e-30])], torch.outer)
    return f


# -------------------------------------------------------------------------------------------------
# Convolutions


def conv_opts(stride=None, padding=None, dilation=None, groups=None):
    opts = {}
    if stride is not None:
        opts['stride'] = stride
    if padding is not None:
        opts['padding'] = padding
    if dilation is not None:
        opts['dilation'] = dilation
    if groups is not None:
        opts['groups'] = groups
    return opts


def torch_conv2d(x, w, b, opts):
    stride = pair(opts.get('stride'), 1)
    dilation = pair(opts.get('dilation'), 1)
    groups = opts.get('groups', 1)
    padding = opts.get('padding', 0)
    if isinstance(padding, list) and len(padding) == 4:  # @nn's [top, bottom, left, right]
        top, bottom, left, right = padding
        x = F.pad(x, (left, right, top, bottom))
        padding = 0
    elif isinstance(padding, list):
        padding = tuple(padding)
    return F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)


def gen_conv() -> FixtureFile:
    seeded(5)
    f = FixtureFile('conv.json', ABOUT)
    # conv2d: K = (C/groups)·kh·kw products (+1 with bias); S = max of conv2d(|x|, |w|, |b|).
    conv_cases = [
        ('basic [1,1,5,5] k3', (1, 1, 5, 5), (1, 1, 3, 3), False, {}),
        ('bias stride 2 padding 1', (2, 3, 7, 6), (4, 3, 3, 2), True, conv_opts(2, 1)),
        ('stride [2,3] padding [1,2]', (1, 2, 8, 9), (3, 2, 3, 3), True, conv_opts([2, 3], [1, 2])),
        ("padding 'same' odd kernel", (2, 2, 6, 5), (3, 2, 3, 3), False, conv_opts(padding='same')),
        ("padding 'same' even kernel 4x2", (1, 2, 6, 7), (2, 2, 4, 2), True, conv_opts(padding='same')),
        ("padding 'same' dilation 2", (1, 1, 7, 7), (2, 1, 3, 2), False, conv_opts(padding='same', dilation=2)),
        ("padding 'valid'", (1, 3, 6, 6), (2, 3, 3, 3), False, conv_opts(padding='valid')),
        ('dilation [2,1]', (1, 2, 9, 7), (2, 2, 3, 3), True, conv_opts(dilation=[2, 1])),
        ('dilation 2 stride 2 padding 2', (2, 1, 10, 10), (2, 1, 3, 3), False, conv_opts(2, 2, 2)),
        ('groups 2', (1, 4, 6, 6), (6, 2, 3, 3), True, conv_opts(groups=2)),
        ('depthwise groups 3', (2, 3, 5, 5), (6, 1, 3, 3), True, conv_opts(padding=1, groups=3)),
        ('1x1 kernel stride 2', (2, 5, 5, 4), (3, 5, 1, 1), True, conv_opts(2)),
        ('padding [top,bottom,left,right] [0,1,2,0]', (1, 2, 5, 5), (2, 2, 2, 3), False, conv_opts(padding=[0, 1, 2, 0])),
        ('kernel larger than input with padding', (1, 1, 2, 2), (1, 1, 3, 3), False, conv_opts(padding=1)),
        ('wider [2,8,12,12] k3 pad 1', (2, 8, 12, 12), (8, 8, 3, 3), True, conv_opts(padding=1)),
    ]
    for name, sx, sw, has_bias, opts in conv_cases:
        x, w = randn(*sx), randn(*sw)
        b = randn(sw[0]) if has_bias else None
        k = (sx[1] // opts.get('groups', 1)) * sw[2] * sw[3] + (1 if has_bias else 0)
        f.add(f'conv2d {name}', 'conv2d', [x, w, b], lambda x, w, b, o=opts: torch_conv2d(x, w, b, o), {'options': opts},
              k=k, scale='abs')
    x, w, b = randn(1, 2, 6, 6).double(), randn(3, 2, 3, 3).double(), randn(3).double()
    f.add('conv2d float64 bias stride 2', 'conv2d', [x, w, b], lambda x, w, b: torch_conv2d(x, w, b, {'stride': 2}),
          {'options': {'stride': 2}}, k=19, scale='abs')
    xs = randn(1, 1, 4, 4)
    xs[0, 0, 1, 1] = INF
    xs[0, 0, 3, 3] = NAN
    f.add('conv2d specials inf and nan', 'conv2d', [xs, randn(1, 1, 2, 2), None], lambda x, w, b: F.conv2d(x, w, b),
          {'options': {}}, k=4, scale='abs')

    # conv1d
    for name, sx, sw, has_bias, opts in (
        ('basic', (2, 3, 10), (4, 3, 3), True, {}),
        ('stride 2 padding 1 dilation 2', (1, 2, 11), (3, 2, 3), False, {'stride': 2, 'padding': 1, 'dilation': 2}),
        ("padding 'same' even kernel", (1, 2, 9), (2, 2, 4), True, {'padding': 'same'}),
        ('groups 2', (2, 4, 7), (4, 2, 3), True, {'groups': 2}),
    ):
        x, w = randn(*sx), randn(*sw)
        b = randn(sw[0]) if has_bias else None
        k = (sx[1] // opts.get('groups', 1)) * sw[2] + (1 if has_bias else 0)
        f.add(f'conv1d {name}', 'conv1d', [x, w, b], lambda x, w, b, o=opts: F.conv1d(x, w, b, **o), {'options': opts},
              k=k, scale='abs')

    # convTranspose2d: weight [C, O/groups, kh, kw]; each output sums at most (C/groups)·kh·kw products.
    for name, sx, sw, has_bias, opts in (
        ('basic [1,2,4,4] k3', (1, 2, 4, 4), (2, 3, 3, 3), False, {}),
        ('stride 2 padding 1 outputPadding 1', (1, 2, 4, 4), (2, 3, 3, 3), True,
         {'stride': 2, 'padding': 1, 'outputPadding': 1}),
        ('stride [2,1] outputPadding [1,0]', (2, 3, 3, 4), (3, 2, 2, 3), True, {'stride': [2, 1], 'outputPadding': [1, 0]}),
        ('dilation 2 padding 2', (1, 2, 5, 5), (2, 2, 3, 3), False, {'dilation': 2, 'padding': 2}),
        ('groups 2', (1, 4, 3, 3), (4, 2, 3, 3), True, {'groups': 2, 'stride': 2}),
        ('stride 3 outputPadding 2 dilation 2', (1, 1, 3, 3), (1, 2, 2, 2), False,
         {'stride': 3, 'outputPadding': 2, 'dilation': 2}),
        ('padding [1,0] stride 2', (2, 2, 4, 5), (2, 3, 4, 3), True, {'stride': 2, 'padding': [1, 0]}),
    ):
        x, w = randn(*sx), randn(*sw)
        b = randn(sw[1] * opts.get('groups', 1)) if has_bias else None
        k = (sx[1] // opts.get('groups', 1)) * sw[2] * sw[3] + (1 if has_bias else 0)
        f.add(f'convTranspose2d {name}', 'convTranspose2d', [x, w, b],
              lambda x, w, b, o=opts: F.conv_transpose2d(
                  x, w, b, stride=pair(o.get('stride'), 1), padding=pair(o.get('padding'), 0),
                  output_padding=pair(o.get('outputPadding'), 0), groups=o.get('groups', 1),
                  dilation=pair(o.get('dilation'), 1)),
              {'options': opts}, k=k, scale='abs')

    # Gradient primitives, from autograd. conv2dBackpropInput(dy, weight, inputShape, options) sums at
    # most (O/groups)·kh·kw products; conv2dBackpropFilter(x, dy, filterShape, options) sums N·H'·W'.
    back_cases = [
        ('basic', (1, 1, 5, 5), (1, 1, 3, 3), {}),
        ('stride 2 padding 1 (even input)', (2, 3, 6, 6), (4, 3, 3, 3), {'stride': 2, 'padding': 1}),
        ('stride 2 (odd input, unused row)', (1, 2, 7, 6), (3, 2, 2, 3), {'stride': 2}),
        ('stride [2,3] padding [1,2]', (1, 2, 8, 9), (3, 2, 3, 3), {'stride': [2, 3], 'padding': [1, 2]}),
        ('dilation 2', (1, 2, 8, 8), (2, 2, 3, 3), {'dilation': 2}),
        ('groups 2', (2, 4, 6, 5), (6, 2, 3, 3), {'groups': 2, 'padding': 1}),
        ("padding 'same' even kernel", (1, 2, 6, 7), (2, 2, 4, 2), {'padding': 'same'}),
        ('padding [top,bottom,left,right] [0,1,2,0]', (1, 2, 5, 5), (2, 2, 2, 3), {'padding': [0, 1, 2, 0]}),
        ('depthwise groups 3 stride 2', (1, 3, 7, 7), (3, 1, 3, 3), {'groups': 3, 'stride': 2, 'padding': 1}),
    ]
    for name, sx, sw, opts in back_cases:
        x, w = randn(*sx), randn(*sw)
        y_shape = torch_conv2d(x, w, None, opts).shape
        dy = randn(*y_shape)
        g = opts.get('groups', 1)

        def back_input(dy, w, o=opts, shape=sx):
            xx = torch.zeros(shape, dtype=dy.dtype, requires_grad=True)
            torch_conv2d(xx, w, None, o).backward(dy)
            return xx.grad

        def back_filter(x, dy, o=opts, shape=sw):
            ww = torch.zeros(shape, dtype=dy.dtype, requires_grad=True)
            torch_conv2d(x, ww, None, o).backward(dy)
            return ww.grad

        f.add(f'conv2dBackpropInput {name}', 'conv2dBackpropInput', [dy, w], back_input,
              {'inputShape': list(sx), 'options': opts}, k=(sw[0] // g) * sw[2] * sw[3], scale='abs')
        f.add(f'conv2dBackpropFilter {name}', 'conv2dBackpropFilter', [x, dy], back_filter,
              {'filterShape': list(sw), 'options': opts}, k=y_shape[0] * y_shape[2] * y_shape[3], scale='abs')
    return f
