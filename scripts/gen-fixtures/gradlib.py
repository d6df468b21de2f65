"""Machinery of the autograd oracle fixtures (see README.md and gen_autograd_fixtures.py).

A gradient fixture file is JSON of the form

    {"about": ..., "torch": "<version>", "tolerance": {...}, "entries": [entry, ...]}

and every entry is

    {"name": str,                    # unique within the file, used as the test title
     "model": str,                   # the composite the test builds with @nn ops (it dispatches on it)
     "args": {...},                  # the composite's settings, in @nn's camelCase API form
     "inputs": {name: tensor, ...},  # every operand by name (tensor format of fixturelib.py)
     "wrt": [name, ...],             # the inputs differentiated with respect to, in order
     "value": tensor,                # the loss (shape [])
     "grads": {name: tensor, ...},   # d loss / d input for every name in `wrt`
     "tol": {"k": K, "scale": {"value": S, name: S, ...}}}

Inputs are float32 (or int32/bool for indices and masks). The expected value and gradients are
PyTorch's float64 answer for those float32 inputs, rounded once to float32: the exact answer to
within half a float32 ulp, not PyTorch's own float32 rounding. The tests compare

    float32 run: |ours - want| <= 1e-5 + 1.3e-6*|want| + (K + 1) * 2^-23 * S
    float64 run: |ours - want| <= 2^-24*|want| + (K + 1) * 2^-52 * S   (inputs cast to float64)

per element, where S is the output's scale (max |output| over the tensor, or a larger intermediate
magnitude the model declares, e.g. the logits of a logsumexp) and K the model's accumulation length
(the sum of the reduction lengths along the forward and backward path, declared per model). The
float64 run shows the gradient rules are exact (only float32 rounding of `want` and float64
summation error are allowed); the float32 run shows float32 training is as accurate as PyTorch's:
the generator checks that PyTorch's own float32 gradients meet the same bound and prints how much
of it they use.
"""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any, Callable

import torch

from fixturelib import ROOT, Raw, dumps, encode_tensor

AUTOGRAD_OUT_DIR = ROOT / 'packages' / 'autograd' / 'test' / 'fixtures'

F32 = {'atol': 1e-5, 'rtol': 1.3e-6, 'eps': 2.0**-23}
F64 = {'atol': 0.0, 'rtol': 2.0**-24, 'eps': 2.0**-52}

TOLERANCE_DOC = {
    'float32': 'atol + rtol*|want| + (k + 1)*eps*scale, atol 1e-5, rtol 1.3e-6, eps 2^-23',
    'float64': 'rtol*|want| + (k + 1)*eps*scale, rtol 2^-24 (float32 rounding of want), eps 2^-52',
}


def _bound(want: torch.Tensor, k: int, scale: float, tol: dict[str, float]) -> torch.Tensor:
    return tol['atol'] + tol['rtol'] * want.abs() + (k + 1) * tol['eps'] * scale


def _max_abs(t: torch.Tensor) -> float:
    return float(t.detach().double().abs().max()) if t.numel() > 0 else 0.0


def _round_up(s: float) -> float:
    """Five significant digits, never below `s` (compact and never tighter than computed)."""
    return float(f'{s * 1.0001:.5g}')


def _run(fn: Callable[[dict[str, torch.Tensor]], torch.Tensor], inputs: dict[str, torch.Tensor], wrt: list[str],
         dtype: torch.dtype) -> tuple[torch.Tensor, list[torch.Tensor]]:
    """The loss and its gradients with float inputs converted to `dtype`."""
    t: dict[str, torch.Tensor] = {}
    for name, x in inputs.items():
        x = x.to(dtype) if x.is_floating_point() else x
        if name in wrt:
            x = x.clone().requires_grad_(True)
        t[name] = x
    loss = fn(t)
    assert loss.dim() == 0, f'loss must be 0-d, got shape {tuple(loss.shape)}'
    grads = torch.autograd.grad(loss, [t[n] for n in wrt])
    return loss.detach(), [g.detach() for g in grads]


class GradFixtureFile:
    """Collects gradient entries for one JSON file in packages/autograd/test/fixtures/."""

    def __init__(self, filename: str, about: str) -> None:
        self.filename = filename
        self.about = about
        self.entries: list[dict[str, Any]] = []
        self.names: set[str] = set()
        self.warnings: list[str] = []
        # Per entry: the fraction of the float32 bound PyTorch's own float32 answer uses (max over elements).
        self.torch32_usage: dict[str, float] = {}

    def add(self, name: str, model: str, inputs: dict[str, torch.Tensor], wrt: list[str],
            fn: Callable[[dict[str, torch.Tensor]], torch.Tensor], args: dict[str, Any] | None = None, *,
            k: int, scales: dict[str, float] | None = None) -> None:
        """Runs `fn` in float64 (the expectation) and in float32 (checked against the bound).

        `scales` raises an output's scale S above max |output| (e.g. {'value': max |logits|}).
        """
        assert name not in self.names, f'duplicate fixture name {name!r}'
        self.names.add(name)
        for n, x in inputs.items():
            assert x.dtype in (torch.float32, torch.int32, torch.bool), f'{name}: input {n} is {x.dtype}'
        value64, grads64 = _run(fn, inputs, wrt, torch.float64)
        value32, grads32 = _run(fn, inputs, wrt, torch.float32)
        outputs = [('value', value64, value32)] + [(n, g64, g32) for n, g64, g32 in zip(wrt, grads64, grads32)]
        extra = scales or {}
        scale: dict[str, float] = {}
        usage = 0.0
        for out_name, want64, got32 in outputs:
            assert bool(torch.isfinite(want64).all()), f'{name}: {out_name} is not finite'
            s = _round_up(max(_max_abs(want64), extra.get(out_name, 0.0)))
            scale[out_name] = s
            want = want64.to(torch.float32).double()
            ratio = float(((got32.double() - want).abs() / _bound(want, k, s, F32)).max()) if want.numel() else 0.0
            usage = max(usage, ratio)
            if ratio > 1:
                self.warnings.append(f'{name}: PyTorch float32 {out_name} exceeds the float32 bound ({ratio:.3g}x)')
        self.torch32_usage[name] = usage
        self.entries.append({
            'name': name,
            'model': model,
            'args': args or {},
            'inputs': {n: encode_tensor(x) for n, x in inputs.items()},
            'wrt': list(wrt),
            'value': encode_tensor(value64.to(torch.float32)),
            'grads': {n: encode_tensor(g.to(torch.float32)) for n, g in zip(wrt, grads64)},
            'tol': {'k': int(k), 'scale': scale},
        })

    def write(self) -> tuple[pathlib.Path, int]:
        AUTOGRAD_OUT_DIR.mkdir(parents=True, exist_ok=True)
        path = AUTOGRAD_OUT_DIR / self.filename
        head = dumps({'about': self.about, 'torch': torch.__version__, 'tolerance': TOLERANCE_DOC})[:-1]
        body = ',\n'.join(dumps(e) for e in self.entries)
        text = head + ',"entries":[\n' + body + '\n]}\n'
        json.loads(text)  # must be valid JSON
        path.write_text(text)
        return path, len(text.encode())


# Input helpers: values rounded to a few decimals keep the JSON short (str(float32) is the shortest
# round-trip text, so 0.123 is written as 0.123).


def q(t: torch.Tensor, decimals: int = 3, nonzero: bool = False) -> torch.Tensor:
    """`t` rounded to `decimals` places, as float32; `nonzero` moves exact zeros to 10^-decimals."""
    step = 10.0**-decimals
    r = torch.round(t.double() / step) * step
    if nonzero:
        r = torch.where(r == 0, torch.full_like(r, step), r)
    out = r.to(torch.float32)
    assert bool(torch.isfinite(out).all()) and not math.isnan(float(out.sum()))
    return out


def qrandn(*shape: int, std: float = 1.0, mean: float = 0.0, decimals: int = 3, nonzero: bool = False) -> torch.Tensor:
    return q(torch.randn(*shape, dtype=torch.float64) * std + mean, decimals, nonzero)


def ints(low: int, high: int, *shape: int) -> torch.Tensor:
    return torch.randint(low, high, shape, dtype=torch.int64).to(torch.int32)


__all__ = ['GradFixtureFile', 'Raw', 'q', 'qrandn', 'ints', 'AUTOGRAD_OUT_DIR']
