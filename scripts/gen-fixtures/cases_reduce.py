"""Reductions, softmax and logSoftmax: reductions.json and softmax.json."""

from __future__ import annotations

import math

import torch

from fixturelib import ABOUT, INF, NAN, FixtureFile, randint, randn, seeded, t32


def multi(fn_one_dim):
    """A PyTorch single-dim reduction extended to a dim list (reduced from the last dim down)."""

    def run(x, dim=None, keepdim=False):
        dims = list(range(x.dim())) if dim is None else ([dim] if isinstance(dim, int) else list(dim))
        dims = sorted(d % max(x.dim(), 1) for d in dims)
        out = x
        for d in reversed(dims):
            out = fn_one_dim(out, d, keepdim=True)
        if not keepdim:
            for d in reversed(dims):
                out = out.squeeze(d)
        return out

    return run


def reduce_args(dim, keep):
    args = {}
    if dim is not None:
        args['dim'] = dim
    if keep:
        args['keepDim'] = True
    return args


def dim_count(shape, dim) -> int:
    if dim is None:
        return math.prod(shape)
    dims = [dim] if isinstance(dim, int) else dim
    return math.prod(shape[d] for d in dims)


def dim_tuple(x, dim):
    if dim is None:
        return tuple(range(x.dim()))
    return tuple(dim) if isinstance(dim, list) else dim


def gen_reductions() -> FixtureFile:
    seeded(2)
    f = FixtureFile('reductions.json', ABOUT)
    x = randn(3, 4, 5)
    xs = t32([[1.0, 2.0, NAN, 3.0, 4.0, 5.0],
              [INF, 1.0, 2.0, 3.0, 4.0, 5.0],
              [-INF, INF, 0.0, 1.0, 2.0, 3.0],
              [1e4, -1e4, 1e-30, 0.5, -0.5, 2.0],
              [-INF, -1.0, -2.0, -3.0, -4.0, -5.0]])
    ties = t32([[1.0, 3.0, 3.0, 2.0], [5.0, 5.0, 5.0, 5.0], [-1.0, -2.0, -1.0, -2.0], [0.0, -0.0, 0.0, -1.0]])
    empty = torch.zeros(0, 3)
    zero_d = t32(2.5)
    dims = [(None, False), (0, False), (-1, False), (1, True), ([0, 2], False), ([0, 2], True), ([2, 0, 1], False),
            (None, True)]

    sum_like = {
        'sum': lambda x, dim=None, keepdim=False: torch.sum(x, dim=dim_tuple(x, dim), keepdim=keepdim),
        'mean': lambda x, dim=None, keepdim=False: torch.mean(x, dim=dim_tuple(x, dim), keepdim=keepdim),
    }
    for op, fn in sum_like.items():
        # Σ over K terms: S = max of the op applied to |x| (for mean, the mean of |x|).
        for dim, keep in dims:
            f.add(f'{op} randn [3,4,5] dim={dim} keepDim={keep}', op, [x], lambda t, d=dim, k=keep, g=fn: g(t, d, k),
                  reduce_args(dim, keep), k=dim_count(x.shape, dim), scale='abs')
        for dim in (1, 0):
            f.add(f'{op} specials dim={dim}', op, [xs], lambda t, d=dim, g=fn: g(t, d), {'dim': dim},
                  k=xs.shape[dim], scale='abs')
        f.add(f'{op} empty [0,3] dim=0', op, [empty], lambda t, g=fn: g(t, 0), {'dim': 0}, k=1, scale='abs')
        f.add(f'{op} 0-d', op, [zero_d], lambda t, g=fn: g(t), {}, k=1, scale='abs')
        f.add(f'{op} float64 [3,4,5] dim=1', op, [x.double()], lambda t, g=fn: g(t, 1), {'dim': 1}, k=4, scale='abs')
        big = randn(64, 33)
        f.add(f'{op} [64,33] all', op, [big], lambda t, g=fn: g(t), {}, k=big.numel(), scale='abs')
    ints = randint(-1000, 1000, 3, 4)
    f.add('sum int32 dim=1 gives int32', 'sum', [ints], lambda t: torch.sum(t, 1), {'dim': 1})
    f.add('sum bool counts as int32', 'sum', [torch.rand(3, 4) > 0.5], lambda t: torch.sum(t, 0), {'dim': 0})
    f.add('mean int32 gives float32', 'mean', [ints], lambda t: torch.mean(t.float(), 1), {'dim': 1}, k=4, scale='abs')

    # prod: relative error K·u, so S = max |expected|.
    px = torch.rand(3, 4, 5, dtype=torch.float64).add(0.5).float()
    for dim, keep in dims:
        f.add(f'prod [3,4,5] dim={dim} keepDim={keep}', 'prod', [px], lambda t, d=dim, k=keep: multi(torch.prod)(t, d, k),
              reduce_args(dim, keep), k=dim_count(px.shape, dim), scale='out')
    f.add('prod specials dim=1', 'prod', [xs], lambda t: torch.prod(t, 1), {'dim': 1}, k=6, scale='out')
    f.add('prod specials dim=0', 'prod', [xs], lambda t: torch.prod(t, 0), {'dim': 0}, k=5, scale='out')
    f.add('prod empty [0,3] dim=0', 'prod', [empty], lambda t: torch.prod(t, 0), {'dim': 0})
    f.add('prod int32 dim=1', 'prod', [randint(-4, 5, 3, 4)], lambda t: torch.prod(t, 1), {'dim': 1})

    # max / min (NaN propagates), argmax / argmin (first occurrence; NaN counts as the extreme).
    for op, one in (('max', torch.amax), ('min', torch.amin)):
        for dim, keep in dims:
            f.add(f'{op} randn [3,4,5] dim={dim} keepDim={keep}', op, [x],
                  lambda t, d=dim, k=keep, g=one: g(t, dim=dim_tuple(t, d), keepdim=k), reduce_args(dim, keep))
        for dim in (0, 1):
            f.add(f'{op} specials dim={dim}', op, [xs], lambda t, d=dim, g=one: g(t, dim=d), {'dim': dim})
        f.add(f'{op} ties dim=1', op, [ties], lambda t, g=one: g(t, dim=1), {'dim': 1})
        f.add(f'{op} int32 dim=0', op, [ints], lambda t, g=one: g(t, dim=0), {'dim': 0})
        f.add(f'{op} 0-d', op, [zero_d], lambda t, g=one: g(t, dim=()), {})
    for op, fn in (('argmax', torch.argmax), ('argmin', torch.argmin)):
        f.add(f'{op} randn [3,4,5] flattened', op, [x], lambda t, g=fn: g(t), {})
        for dim, keep in ((0, False), (1, False), (-1, True)):
            f.add(f'{op} randn [3,4,5] dim={dim} keepDim={keep}', op, [x], lambda t, d=dim, k=keep, g=fn: g(t, d, k),
                  reduce_args(dim, keep))
        f.add(f'{op} ties dim=1 (first occurrence)', op, [ties], lambda t, g=fn: g(t, 1), {'dim': 1})
        f.add(f'{op} ties flattened', op, [ties], lambda t, g=fn: g(t), {})
        f.add(f'{op} specials dim=1 (nan wins)', op, [xs], lambda t, g=fn: g(t, 1), {'dim': 1})
        f.add(f'{op} specials dim=0', op, [xs], lambda t, g=fn: g(t, 0), {'dim': 0})
        f.add(f'{op} int32 dim=1', op, [ints], lambda t, g=fn: g(t, 1), {'dim': 1})

    # variance / std. Error model of a two-pass float32 variance of K terms with deviations d = x - m:
    # err(Σd²) <= u·[2·Σ|d|·(|x| + K·|m|) + K·Σd²], so S = [2·Σ|d|·(|x|/K + |m|) + Σd²] / (K - c).
    # std = sqrt(var) divides that by 2·std.
    def var_scale(t, dim, c, std):
        t = t.double()
        d = dim_tuple(t, dim)
        n = dim_count(t.shape, dim)
        m = t.mean(dim=d, keepdim=True)
        dev = t - m
        s = (2 * (dev.abs() * (t.abs() / n + m.abs())).sum(dim=d) + (dev * dev).sum(dim=d)) / max(n - c, 1)
        if std:
            sd = torch.sqrt((dev * dev).sum(dim=d) / max(n - c, 1)).clamp_min(1e-30)
            s = s / (2 * sd)
        return float(s[torch.isfinite(s)].max()) if s.numel() else 0.0

    offset = (randn(4, 16) * 0.1 + 100).float()
    for op, tfn in (('variance', torch.var), ('std', torch.std)):
        std = op == 'std'
        for dim, keep, c in ((None, False, None), (None, False, 0), (1, False, 1), (1, True, 0), ([0, 2], False, 2),
                             (-1, True, None), (0, False, 0)):
            args = {}
            if dim is not None:
                args['dim'] = dim
            opts = {}
            if c is not None:
                opts['correction'] = c
            if keep:
                opts['keepDim'] = True
            if opts:
                args['options'] = opts
            cc = 1 if c is None else c
            f.add(f'{op} randn [3,4,5] dim={dim} correction={c} keepDim={keep}', op, [x],
                  lambda t, d=dim, k=keep, cc=cc, g=tfn: g(t, dim=dim_tuple(t, d), correction=cc, keepdim=k), args,
                  k=dim_count(x.shape, dim), scale=var_scale(x, dim, cc, std))
        f.add(f'{op} offset 100 std 0.1 dim=1', op, [offset], lambda t, g=tfn: g(t, dim=(1,), correction=1), {'dim': 1},
              k=16, scale=var_scale(offset, [1], 1, std))
        f.add(f'{op} single element correction=1 is nan', op, [t32([[3.0], [4.0]])],
              lambda t, g=tfn: g(t, dim=(1,), correction=1), {'dim': 1})
        f.add(f'{op} specials dim=1', op, [xs], lambda t, g=tfn: g(t, dim=(1,), correction=1), {'dim': 1},
              k=6, scale=var_scale(xs, [1], 1, std))
        f.add(f'{op} float64 dim=2', op, [x.double()], lambda t, g=tfn: g(t, dim=(2,), correction=1), {'dim': 2},
              k=5, scale=var_scale(x, [2], 1, std))

    # logsumexp: m + log Σ exp(x - m) carries an absolute error of about K·u·(|result| + 1): S = max|result| + 1.
    lx = t32([[1000.0, 0.0], [-1000.0, 0.0], [1000.0, 1000.0], [-INF, -INF], [INF, 0.0], [INF, INF], [-INF, 0.0],
              [NAN, 1.0], [88.0, 88.0], [-1e4, -1e4]])
    f.add('logsumexp extreme rows dim=1', 'logsumexp', [lx], lambda t: torch.logsumexp(t, 1), {'dim': 1},
          k=2, scale=finite_scale(torch.logsumexp(lx.double(), 1)))
    for dim, keep in dims:
        ref = torch.logsumexp(x.double(), dim=dim_tuple(x, dim), keepdim=keep)
        f.add(f'logsumexp randn [3,4,5] dim={dim} keepDim={keep}', 'logsumexp', [x],
              lambda t, d=dim, k=keep: torch.logsumexp(t, dim=dim_tuple(t, d), keepdim=k), reduce_args(dim, keep),
              k=dim_count(x.shape, dim), scale=finite_scale(ref))
    f.add('logsumexp empty [0,3] dim=0 is -inf', 'logsumexp', [empty], lambda t: torch.logsumexp(t, 0), {'dim': 0})
    f.add('logsumexp float64 extreme rows', 'logsumexp', [lx.double()], lambda t: torch.logsumexp(t, 1), {'dim': 1},
          k=2, scale=finite_scale(torch.logsumexp(lx.double(), 1)))

    # norm: relative error about K·u/p for a K-term p-norm: S = max|result|·max(1, 1/p).
    for p, dim, keep in ((None, None, False), (2, 1, False), (1, -1, True), ('inf', [0, 2], False), ('fro', [1, 2], False),
                         (3, 0, False), (0.5, 2, True), (1.5, None, False), ('inf', None, True)):
        order = 2 if p in (None, 'fro') else (INF if p == 'inf' else p)
        args = {} if p is None else {'p': p}
        args.update(reduce_args(dim, keep))
        inv = 1.0 / order if order not in (INF,) else 0.0
        f.add(f'norm randn [3,4,5] p={p} dim={dim} keepDim={keep}', 'norm', [x],
              lambda t, o=order, d=dim, k=keep: torch.linalg.vector_norm(t, o, dim=dim_tuple(t, d), keepdim=k), args,
              k=dim_count(x.shape, dim),
              scale=finite_scale(torch.linalg.vector_norm(x.double(), order, dim=dim_tuple(x, dim))) * max(1.0, inv))
    f.add('norm specials p=2 dim=1', 'norm', [xs], lambda t: torch.linalg.vector_norm(t, 2, dim=1), {'p': 2, 'dim': 1},
          k=6, scale='out')
    f.add('norm specials p=inf dim=1', 'norm', [xs], lambda t: torch.linalg.vector_norm(t, INF, dim=1),
          {'p': 'inf', 'dim': 1})
    f.add('norm empty [0,3] dim=0 is 0', 'norm', [empty], lambda t: torch.linalg.vector_norm(t, 2, dim=0), {'dim': 0})

    # cumsum: prefix sums of at most K terms: S = max |cumsum(|x|)|.
    for dim in (0, 1, -1):
        f.add(f'cumsum randn [3,4,5] dim={dim}', 'cumsum', [x], lambda t, d=dim: torch.cumsum(t, d), {'dim': dim},
              k=x.shape[dim], scale='abs')
    f.add('cumsum specials dim=1', 'cumsum', [xs], lambda t: torch.cumsum(t, 1), {'dim': 1}, k=6, scale='abs')
    f.add('cumsum specials dim=0', 'cumsum', [xs], lambda t: torch.cumsum(t, 0), {'dim': 0}, k=5, scale='abs')
    f.add('cumsum int32 dim=1', 'cumsum', [ints], lambda t: torch.cumsum(t, 1), {'dim': 1})
    f.add('cumsum float64 dim=2', 'cumsum', [x.double()], lambda t: torch.cumsum(t, 2), {'dim': 2}, k=5, scale='abs')

    # all / any (nonzero is true, nan included)
    b = torch.rand(3, 4, 5) > 0.3
    for op, one in (('all', torch.all), ('any', torch.any)):
        red = multi(lambda t, d, keepdim, g=one: g(t, d, keepdim=keepdim))
        for dim, keep in dims:
            f.add(f'{op} bool [3,4,5] dim={dim} keepDim={keep}', op, [b], lambda t, d=dim, k=keep, r=red: r(t, d, k),
                  reduce_args(dim, keep))
        f.add(f'{op} float specials dim=1', op, [xs], lambda t, r=red: r(t, 1), {'dim': 1})
        f.add(f'{op} float zeros and nan dim=1', op, [t32([[0.0, -0.0], [NAN, 0.0], [NAN, 1.0], [1e-30, 0.0]])],
              lambda t, r=red: r(t, 1), {'dim': 1})
        f.add(f'{op} int32 dim=0', op, [randint(-1, 2, 3, 4)], lambda t, r=red: r(t, 0), {'dim': 0})
        f.add(f'{op} empty [0,3] dim=0', op, [empty], lambda t, r=red: r(t, 0), {'dim': 0})
    return f


def finite_scale(t: torch.Tensor) -> float:
    t = t.abs()
    t = t[torch.isfinite(t)]
    return float(t.max()) + 1.0 if t.numel() else 1.0


# -------------------------------------------------------------------------------------------------
# softmax / logSoftmax


def gen_softmax() -> FixtureFile:
    seeded(3)
    f = FixtureFile('softmax.json', ABOUT)
    rows = t32([[1000.0, 0.0, 0.0], [-1000.0, 0.0, 0.0], [1000.0, 1000.0, 1000.0], [-INF, -INF, -INF],
                [-INF, 0.0, 1.0], [INF, 0.0, 1.0], [NAN, 0.0, 1.0], [88.0, 89.0, 90.0], [-1e4, 1e4, 0.0],
                [1e-30, -1e-30, 0.0], [0.0, 0.0, 0.0]])
    x = randn(3, 4, 5).mul(3)
    for op, fn in (('softmax', torch.softmax), ('logSoftmax', torch.log_softmax)):
        # logSoftmax = (x - max) - log Σ exp(x - max): an absolute error of a few ulps of |x| and the
        # result, so S = max|x| + max|result| (finite values); softmax uses the plain tolerance.
        def acc(t, dim, o=op):
            if o == 'softmax':
                return {}
            ref = torch.log_softmax(t.double(), dim)
            return {'k': t.shape[dim], 'scale': finite_scale(t.double()) + finite_scale(ref)}

        f.add(f'{op} extreme rows dim=-1', op, [rows], lambda t, g=fn: g(t, -1), {'dim': -1}, **acc(rows, -1))
        f.add(f'{op} extreme rows default dim', op, [rows], lambda t, g=fn: g(t, -1), {}, **acc(rows, -1))
        for dim in (0, 1, 2, -1):
            f.add(f'{op} randn [3,4,5] dim={dim}', op, [x], lambda t, d=dim, g=fn: g(t, d), {'dim': dim}, **acc(x, dim))
        f.add(f'{op} extreme rows transposed dim=0', op, [rows.t().contiguous()], lambda t, g=fn: g(t, 0), {'dim': 0},
              **acc(rows.t(), 0))
        f.add(f'{op} float64 dim=1', op, [x.double()], lambda t, g=fn: g(t, 1), {'dim': 1}, **acc(x, 1))
        f.add(f'{op} 1-D [16]', op, [randn(16).mul(5)], lambda t, g=fn: g(t, 0), {'dim': 0},
              **({} if op == 'softmax' else {'k': 16, 'scale': 30.0}))
    return f
