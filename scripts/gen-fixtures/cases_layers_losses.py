"""Oracle fixtures of @nn/layers' loss modules: MSELoss, L1Loss, HuberLoss, SmoothL1Loss, NLLLoss,
CrossEntropyLoss, BCELoss, BCEWithLogitsLoss.

Writes packages/layers/test/fixtures/losses.json (entry format and tolerances: layerlib.py); the test is
packages/layers/test/oracle-losses.test.ts. A loss is a module with two inputs, "input" and "target"; float
targets are differentiated too (PyTorch 1.13 differentiates every loss here wrt a float target), int64 class
indices are stored as int32. `args` holds the options in @nn's camelCase form: reduction, delta, beta,
ignoreIndex, labelSmoothing, and "weight" / "posWeight" as lists of numbers (the test builds the module with
tensors of them; the values themselves come from the state dict, where PyTorch keeps them as buffers).

Inputs keep a margin from every kink (|input − target| against 0 and delta / beta).

K (accumulation length, forward + backward), with M the number of loss elements (N·d1·…) and C the classes:
  MSE, L1, Huber, SmoothL1, BCE, BCEWithLogits    M (the reduction's sum)
  NLLLoss                                         2·M (the loss sum and the weight sum)
  CrossEntropyLoss                                2·C + 2·M + C (log-softmax's forward and backward row sums,
                                                  the reductions, and label smoothing's class sum)
"""

from __future__ import annotations

import math

import torch
from torch import nn

from gradlib import q, qrandn
from layerlib import LayerFixtureFile

SEED = 777
REDUCTIONS = ('mean', 'sum', 'none')


def longs(values) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.int64)


def labels(high: int, *shape: int) -> torch.Tensor:
    return torch.randint(0, high, shape, dtype=torch.int64)


def probs(*shape: int, dim: int = 1) -> torch.Tensor:
    """Class probabilities along `dim` (rounded, so rows sum to 1 only approximately, which PyTorch allows)."""
    return q(torch.softmax(torch.randn(*shape, dtype=torch.float64), dim=dim))


def off_kinks(x: torch.Tensor, t: torch.Tensor, kinks: list[float], margin: float = 0.05) -> torch.Tensor:
    """`x` moved so that |x − t| keeps `margin` from every kink in `kinks` (values of |x − t|)."""
    x = x.double()
    for p in kinks:
        d = x - t.double()
        near = (d.abs() - p).abs() < margin
        x = torch.where(near, x + torch.where(d >= 0, 3 * margin, -3 * margin), x)
    return q(x)


def gen() -> LayerFixtureFile:
    f = LayerFixtureFile('losses.json', 'PyTorch 1.13 loss modules: the loss and its gradients wrt the input and '
                         'float targets (cases_layers_losses.py)')
    torch.manual_seed(SEED)

    def add(name: str, layer: str, args: dict, module: nn.Module, x: torch.Tensor, t: torch.Tensor, k: int) -> None:
        f.add(name, layer, args, module, {'input': x, 'target': t}, k=k)

    # --- regression losses ----------------------------------------------------------------------------------------
    for r in REDUCTIONS:
        x, t = qrandn(3, 4), qrandn(3, 4)
        add(f'MSELoss {r}', 'MSELoss', {'reduction': r}, nn.MSELoss(reduction=r), x, t, k=12)
        t = qrandn(3, 4)
        add(f'L1Loss {r}', 'L1Loss', {'reduction': r}, nn.L1Loss(reduction=r), off_kinks(qrandn(3, 4), t, [0]), t, k=12)
        t = qrandn(3, 4)
        add(f'HuberLoss {r}', 'HuberLoss', {'reduction': r}, nn.HuberLoss(reduction=r),
            off_kinks(qrandn(3, 4, std=1.5), t, [0, 1]), t, k=12)
        t = qrandn(3, 4)
        add(f'SmoothL1Loss {r}', 'SmoothL1Loss', {'reduction': r}, nn.SmoothL1Loss(reduction=r),
            off_kinks(qrandn(3, 4, std=1.5), t, [0, 1]), t, k=12)
    x, t = qrandn(2, 3, 2), qrandn(2, 3, 2)
    add('MSELoss 3-D mean', 'MSELoss', {}, nn.MSELoss(), x, t, k=12)
    add('MSELoss 0-D', 'MSELoss', {}, nn.MSELoss(), q(torch.tensor(1.5)), q(torch.tensor(-0.25)), k=1)
    add('L1Loss 1-D', 'L1Loss', {}, nn.L1Loss(), q(torch.tensor([1.0, -2.0, 0.5])), q(torch.tensor([0.0, 1.0, 2.0])),
        k=3)
    for delta in (0.5, 2.0):
        t = qrandn(4, 3)
        add(f'HuberLoss delta {delta}', 'HuberLoss', {'delta': delta}, nn.HuberLoss(delta=delta),
            off_kinks(qrandn(4, 3, std=2), t, [0, delta]), t, k=12)
        t = qrandn(4, 3)
        add(f'HuberLoss delta {delta} sum', 'HuberLoss', {'delta': delta, 'reduction': 'sum'},
            nn.HuberLoss(delta=delta, reduction='sum'), off_kinks(qrandn(4, 3, std=2), t, [0, delta]), t, k=12)
    for beta in (0.5, 2.0, 0.0):
        t = qrandn(4, 3)
        add(f'SmoothL1Loss beta {beta}', 'SmoothL1Loss', {'beta': beta}, nn.SmoothL1Loss(beta=beta),
            off_kinks(qrandn(4, 3, std=2), t, [0, beta]), t, k=12)

    # --- NLLLoss ----------------------------------------------------------------------------------------------------
    def logp(*shape: int) -> torch.Tensor:
        return q(torch.log_softmax(torch.randn(*shape, dtype=torch.float64), dim=1 if len(shape) > 1 else 0))

    w4 = q(torch.tensor([0.5, 2.0, 1.25, 0.75]))
    for r in REDUCTIONS:
        add(f'NLLLoss {r}', 'NLLLoss', {'reduction': r}, nn.NLLLoss(reduction=r), logp(5, 4), labels(4, 5), k=10)
        add(f'NLLLoss weight {r}', 'NLLLoss', {'reduction': r, 'weight': w4.tolist()},
            nn.NLLLoss(weight=w4, reduction=r), logp(5, 4), labels(4, 5), k=10)
        add(f'NLLLoss ignoreIndex -100 in the batch, weight, {r}', 'NLLLoss', {'reduction': r, 'weight': w4.tolist()},
            nn.NLLLoss(weight=w4, reduction=r), logp(5, 4), longs([1, -100, 3, 0, -100]), k=10)
    add('NLLLoss ignoreIndex 2', 'NLLLoss', {'ignoreIndex': 2}, nn.NLLLoss(ignore_index=2), logp(5, 4),
        longs([2, 0, 2, 3, 1]), k=10)
    add('NLLLoss K-dim [N, C, d1]', 'NLLLoss', {}, nn.NLLLoss(), logp(2, 4, 3), labels(4, 2, 3), k=12)
    add('NLLLoss K-dim [N, C, d1, d2] weight none', 'NLLLoss', {'weight': w4.tolist(), 'reduction': 'none'},
        nn.NLLLoss(weight=w4, reduction='none'), logp(2, 4, 2, 2), labels(4, 2, 2, 2), k=16)
    add('NLLLoss unbatched [C]', 'NLLLoss', {}, nn.NLLLoss(), logp(4), longs(2), k=2)

    # --- CrossEntropyLoss -----------------------------------------------------------------------------------------
    C = 4
    w = q(torch.tensor([1.5, 0.5, 1.0, 2.25]))

    def ce(name: str, x: torch.Tensor, t: torch.Tensor, **opts) -> None:
        args = {}
        if 'reduction' in opts:
            args['reduction'] = opts['reduction']
        if 'weight' in opts:
            args['weight'] = opts['weight'].tolist()
        if 'ignore_index' in opts:
            args['ignoreIndex'] = opts['ignore_index']
        if 'label_smoothing' in opts:
            args['labelSmoothing'] = opts['label_smoothing']
        m = math.prod(t.shape) if not t.is_floating_point() else math.prod(t.shape) // x.shape[1 if x.dim() > 1 else 0]
        c = x.shape[1 if x.dim() > 1 else 0]
        add(name, 'CrossEntropyLoss', args, nn.CrossEntropyLoss(**opts), x, t, k=3 * c + 2 * m)

    for r in REDUCTIONS:
        ce(f'CrossEntropyLoss indices {r}', qrandn(5, C), labels(C, 5), reduction=r)
        ce(f'CrossEntropyLoss indices weight {r}', qrandn(5, C), labels(C, 5), reduction=r, weight=w)
        ce(f'CrossEntropyLoss ignoreIndex -100 in the batch {r}', qrandn(5, C), longs([0, -100, 3, -100, 1]),
           reduction=r)
        ce(f'CrossEntropyLoss ignoreIndex in the batch, weight, {r}', qrandn(5, C), longs([2, -100, 3, 1, -100]),
           reduction=r, weight=w)
        ce(f'CrossEntropyLoss labelSmoothing 0.1 indices {r}', qrandn(5, C), labels(C, 5), reduction=r,
           label_smoothing=0.1)
        ce(f'CrossEntropyLoss labelSmoothing 0.2 indices weight ignoreIndex {r}', qrandn(5, C),
           longs([1, 3, -100, 0, 2]), reduction=r, weight=w, label_smoothing=0.2)
        ce(f'CrossEntropyLoss probabilities {r}', qrandn(5, C), probs(5, C), reduction=r)
        ce(f'CrossEntropyLoss probabilities weight {r}', qrandn(5, C), probs(5, C), reduction=r, weight=w)
        ce(f'CrossEntropyLoss probabilities labelSmoothing 0.15 weight {r}', qrandn(5, C), probs(5, C), reduction=r,
           weight=w, label_smoothing=0.15)
        ce(f'CrossEntropyLoss K-dim [N, C, d1] indices {r}', qrandn(2, C, 3), labels(C, 2, 3), reduction=r)
        ce(f'CrossEntropyLoss K-dim [N, C, d1] probabilities {r}', qrandn(2, C, 3), probs(2, C, 3), reduction=r)
    ce('CrossEntropyLoss probabilities labelSmoothing 0.3', qrandn(3, C), probs(3, C), label_smoothing=0.3)
    ce('CrossEntropyLoss ignoreIndex 0 (a class)', qrandn(5, C), longs([0, 1, 0, 3, 2]), ignore_index=0)
    ce('CrossEntropyLoss K-dim [N, C, d1, d2] weight ignoreIndex smoothing', qrandn(2, C, 2, 2),
       longs([[[0, -100], [3, 1]], [[2, 2], [-100, 1]]]), weight=w, label_smoothing=0.1)
    ce('CrossEntropyLoss K-dim [N, C, d1, d2] weight ignoreIndex smoothing none', qrandn(2, C, 2, 2),
       longs([[[0, -100], [3, 1]], [[2, 2], [-100, 1]]]), weight=w, label_smoothing=0.1, reduction='none')
    ce('CrossEntropyLoss unbatched [C] index', qrandn(C), longs(3))
    ce('CrossEntropyLoss unbatched [C] index weight smoothing', qrandn(C), longs(1), weight=w, label_smoothing=0.1)
    ce('CrossEntropyLoss unbatched [C] probabilities', qrandn(C), probs(C, dim=0))
    ce('CrossEntropyLoss unbatched [C] probabilities none', qrandn(C), probs(C, dim=0), reduction='none')
    ce('CrossEntropyLoss logits [1000, 0] target 0', q(torch.tensor([[1000.0, 0.0]])), longs([0]))
    ce('CrossEntropyLoss logits [1000, 0] target 1', q(torch.tensor([[1000.0, 0.0]])), longs([1]))
    ce('CrossEntropyLoss huge logits batch none', q(torch.tensor([[1000.0, 0.0, -1000.0], [-50.0, 60.0, 0.0]])),
       longs([1, 1]), reduction='none')
    ce('CrossEntropyLoss huge logits probabilities', q(torch.tensor([[1000.0, 0.0], [0.0, -1000.0]])),
       q(torch.tensor([[0.25, 0.75], [1.0, 0.0]])))

    # --- BCELoss ----------------------------------------------------------------------------------------------------
    def prob_in(*shape: int) -> torch.Tensor:
        return q(torch.sigmoid(torch.randn(*shape, dtype=torch.float64) * 1.5).clamp(0.05, 0.95))

    def targets01(*shape: int) -> torch.Tensor:
        t = q(torch.rand(*shape, dtype=torch.float64))
        flat = t.view(-1)
        flat[0], flat[-1] = 1.0, 0.0  # exact labels too
        return t

    wc = q(torch.tensor([0.5, 2.0, 1.0]))
    for r in REDUCTIONS:
        add(f'BCELoss {r}', 'BCELoss', {'reduction': r}, nn.BCELoss(reduction=r), prob_in(4, 3), targets01(4, 3), k=12)
        add(f'BCELoss weight [C] {r}', 'BCELoss', {'reduction': r, 'weight': wc.tolist()},
            nn.BCELoss(weight=wc, reduction=r), prob_in(4, 3), targets01(4, 3), k=12)
    wfull = q(torch.rand(2, 3, dtype=torch.float64) * 2)
    add('BCELoss weight full shape', 'BCELoss', {'weight': wfull.tolist()}, nn.BCELoss(weight=wfull), prob_in(2, 3),
        targets01(2, 3), k=6)
    add('BCELoss 1-D hard labels', 'BCELoss', {}, nn.BCELoss(), prob_in(6), q(torch.tensor([1.0, 0, 1, 1, 0, 0])), k=6)

    # --- BCEWithLogitsLoss ---------------------------------------------------------------------------------------
    pw = q(torch.tensor([3.0, 0.5, 1.0]))
    for r in REDUCTIONS:
        add(f'BCEWithLogitsLoss {r}', 'BCEWithLogitsLoss', {'reduction': r}, nn.BCEWithLogitsLoss(reduction=r),
            qrandn(4, 3, std=3), targets01(4, 3), k=12)
        add(f'BCEWithLogitsLoss weight posWeight {r}', 'BCEWithLogitsLoss',
            {'reduction': r, 'weight': wc.tolist(), 'posWeight': pw.tolist()},
            nn.BCEWithLogitsLoss(weight=wc, pos_weight=pw, reduction=r), qrandn(4, 3, std=3), targets01(4, 3), k=12)
    add('BCEWithLogitsLoss posWeight only', 'BCEWithLogitsLoss', {'posWeight': pw.tolist()},
        nn.BCEWithLogitsLoss(pos_weight=pw), qrandn(4, 3, std=3), targets01(4, 3), k=12)
    add('BCEWithLogitsLoss weight only, 3-D', 'BCEWithLogitsLoss', {'weight': wc.tolist()},
        nn.BCEWithLogitsLoss(weight=wc), qrandn(2, 2, 3, std=3), targets01(2, 2, 3), k=12)
    big = q(torch.tensor([1e4, -1e4, 1e4, -1e4, 1e4, -1e4]))
    hard = q(torch.tensor([1.0, 0.0, 0.0, 1.0, 0.25, 0.75]))
    for r in REDUCTIONS:
        add(f'BCEWithLogitsLoss logits ±1e4 {r}', 'BCEWithLogitsLoss', {'reduction': r},
            nn.BCEWithLogitsLoss(reduction=r), big, hard, k=6)
    add('BCEWithLogitsLoss logits ±1e4 posWeight', 'BCEWithLogitsLoss', {'posWeight': [2.0], 'reduction': 'none'},
        nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0]), reduction='none'), big, hard, k=6)
    return f
