"""Movement and indexing ops (exact; plain tolerance): movement.json."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from fixturelib import ABOUT, INF, FixtureFile, randint, randn, seeded


def gen_movement() -> FixtureFile:
    seeded(7)
    f = FixtureFile('movement.json', ABOUT)
    x3 = randn(2, 3, 4)
    x4 = randn(1, 2, 4, 5)
    f.add('pad constant [1,2,0,1] value 1.5', 'pad', [x3], lambda t: F.pad(t, (1, 2, 0, 1), value=1.5),
          {'padding': [1, 2, 0, 1], 'options': {'value': 1.5}})
    f.add('pad constant default zeros 3 dims', 'pad', [x3], lambda t: F.pad(t, (1, 0, 0, 2, 1, 1)),
          {'padding': [1, 0, 0, 2, 1, 1]})
    f.add('pad reflect last dim [2,1]', 'pad', [x3], lambda t: F.pad(t, (2, 1), mode='reflect'),
          {'padding': [2, 1], 'options': {'mode': 'reflect'}})
    f.add('pad reflect 2-D [1,2,3,0]', 'pad', [x4], lambda t: F.pad(t, (1, 2, 3, 0), mode='reflect'),
          {'padding': [1, 2, 3, 0], 'options': {'mode': 'reflect'}})
    f.add('pad replicate 2-D [2,1,1,3]', 'pad', [x4], lambda t: F.pad(t, (2, 1, 1, 3), mode='replicate'),
          {'padding': [2, 1, 1, 3], 'options': {'mode': 'replicate'}})
    f.add('pad replicate last dim [3,0]', 'pad', [x3], lambda t: F.pad(t, (3, 0), mode='replicate'),
          {'padding': [3, 0], 'options': {'mode': 'replicate'}})
    f.add('flip dims [0,2]', 'flip', [x3], lambda t: torch.flip(t, (0, 2)), {'dims': [0, 2]})
    f.add('flip dim -1', 'flip', [x3], lambda t: torch.flip(t, (-1,)), {'dims': -1})
    f.add('repeat [2,3] by [2,1,3]', 'repeat', [randn(2, 3)], lambda t: t.repeat(2, 1, 3), {'reps': [2, 1, 3]})
    f.add('repeat [2,3] by [1,2]', 'repeat', [randn(2, 3)], lambda t: t.repeat(1, 2), {'reps': [1, 2]})
    f.add('tile [2,3] by [2]', 'tile', [randn(2, 3)], lambda t: torch.tile(t, (2,)), {'reps': [2]})
    f.add('tile [2,3] by [2,1,2]', 'tile', [randn(2, 3)], lambda t: torch.tile(t, (2, 1, 2)), {'reps': [2, 1, 2]})
    idx = randint(0, 4, 2, 3, 2)
    f.add('gather dim 2', 'gather', [x3, idx], lambda t, i: torch.gather(t, 2, i.long()), {'dim': 2})
    idx1 = randint(0, 3, 2, 5, 4)
    f.add('gather dim 1 (index longer than x)', 'gather', [x3, idx1], lambda t, i: torch.gather(t, 1, i.long()), {'dim': 1})
    sel = torch.tensor([3, 0, 0, 2], dtype=torch.int32)
    f.add('indexSelect dim -1 with repeats', 'indexSelect', [x3, sel], lambda t, i: torch.index_select(t, -1, i.long()),
          {'dim': -1})
    f.add('indexSelect dim 0', 'indexSelect', [x3, torch.tensor([1, 1, 0], dtype=torch.int32)],
          lambda t, i: torch.index_select(t, 0, i.long()), {'dim': 0})
    base = randn(3, 5)
    sidx = torch.tensor([[0, 1, 2, 0, 0], [2, 0, 0, 1, 2]], dtype=torch.int32)
    src = randn(2, 5)
    f.add('scatterAdd dim 0 with duplicates', 'scatterAdd', [base, sidx, src],
          lambda t, i, s: torch.scatter_add(t, 0, i.long(), s), {'dim': 0}, k=3, scale='abs')
    sidx2 = torch.tensor([[4, 4, 0], [1, 2, 1], [0, 0, 0]], dtype=torch.int32)
    f.add('scatterAdd dim 1 smaller index', 'scatterAdd', [base, sidx2, randn(3, 4)],
          lambda t, i, s: torch.scatter_add(t, 1, i.long(), s), {'dim': 1}, k=4, scale='abs')
    oh = torch.tensor([[0, 2], [4, 1]], dtype=torch.int32)
    f.add('oneHot [2,2] numClasses 5', 'oneHot', [oh], lambda i: F.one_hot(i.long(), 5), {'numClasses': 5},
          cast=torch.float32)
    f.add('oneHot int32 dtype', 'oneHot', [oh], lambda i: F.one_hot(i.long(), 6), {'numClasses': 6,
                                                                                  'options': {'dtype': 'int32'}},
          cast=torch.int32)
    mask = torch.rand(3, 1) > 0.5
    f.add('maskedFill broadcast mask [3,1] value -inf', 'maskedFill', [randn(2, 3, 4), mask],
          lambda t, m: t.masked_fill(m, -INF), {'value': '-inf'})  # the test decodes 'inf'/'-inf'/'nan' here
    f.add('maskedFill value 2.5', 'maskedFill', [randn(3, 4), torch.rand(3, 4) > 0.5], lambda t, m: t.masked_fill(m, 2.5),
          {'value': 2.5})
    f.add('concat dim 1', 'concat', [randn(2, 1, 3), randn(2, 4, 3), randn(2, 2, 3)],
          lambda *ts: torch.cat(ts, 1), {'dim': 1})
    f.add('stack dim -1', 'stack', [randn(2, 3), randn(2, 3)], lambda *ts: torch.stack(ts, -1), {'dim': -1})
    f.add('permute [2,0,1]', 'permute', [x3], lambda t: t.permute(2, 0, 1), {'dims': [2, 0, 1]})
    f.add('transpose 0 2', 'transpose', [x3], lambda t: t.transpose(0, 2), {'dim0': 0, 'dim1': 2})
    f.add('expand [3,1] to [2,3,4]', 'expand', [randn(3, 1)], lambda t: t.expand(2, 3, 4), {'shape': [2, 3, 4]})
    f.add('narrow dim 2 start 1 length 2', 'narrow', [x3], lambda t: t.narrow(2, 1, 2), {'dim': 2, 'start': 1, 'length': 2})
    return f
