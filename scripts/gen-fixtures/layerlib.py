"""Machinery of the @nn/layers oracle fixtures (see README.md and gen_layers_fixtures.py).

A layer fixture file (packages/layers/test/fixtures/<group>.json) is JSON of the form

    {"about": ..., "torch": "<version>", "tolerance": {...}, "entries": [entry, ...]}

and every entry is one PyTorch module run once:

    {"name": str,                     # unique within the file, the test title
     "layer": str,                    # what the test builds (it dispatches on it), e.g. "Linear"
     "args": {...},                   # the constructor arguments in @nn's camelCase form
     "mode": "train" | "eval",
     "state": {key: tensor, ...},     # the module's state_dict before the call (PyTorch's keys)
     "inputs": {name: tensor, ...},   # the call's tensor arguments, in call order
     "outputs": {name: tensor, ...},  # what the call returned, named (e.g. "output", "h", "c")
     "grads": {name: tensor, ...},    # d loss / d x for every float input and every parameter
     "stateAfter": {key: tensor},     # buffers after the call (batch norm running stats), if any
     "tol": {"k": K, "scale": {name: S, ...}}}

The loss is sum over outputs j of sum(output_j * C_j), with C_j = cot(shape, offset = 7*j): flat element
i gets ((i + offset)*37 mod 11 - 5) / 4, exact in float32 and rebuilt by the TypeScript harness.
Tensors use fixturelib.py's encoding (int64 stored as int32, non-finite floats as strings).

Expected outputs and gradients are PyTorch's float64 answer for the float32 state and inputs, rounded
once to float32. The tests compare, per element,

    float32 run: |ours - want| <= 1e-5 + 1.3e-6*|want| + (K + 1) * 2^-23 * S
    float64 run: |ours - want| <= 2^-24*|want| + (K + 1) * 2^-52 * S

with S the output's scale (max |value| of that output or gradient) and K the entry's accumulation
length: the sum of the reduction lengths along the forward and backward path (matmul inner sizes,
convolution windows, normalisation and softmax rows, time steps times the hidden size for
recurrences), declared per entry. The generator checks that PyTorch's own float32 run meets the
float32 bound (and prints the share of it used), so the bound is one PyTorch itself satisfies.
"""

from __future__ import annotations

import copy
import json
import math
import pathlib
from typing import Any, Callable

import torch

from fixturelib import ROOT, dumps, encode_tensor

LAYERS_OUT_DIR = ROOT / 'packages' / 'layers' / 'test' / 'fixtures'

F32 = {'atol': 1e-5, 'rtol': 1.3e-6, 'eps': 2.0**-23}

TOLERANCE_DOC = {
    'float32': 'atol + rtol*|want| + (k + 1)*eps*scale, atol 1e-5, rtol 1.3e-6, eps 2^-23',
    'float64': 'rtol*|want| + (k + 1)*eps*scale, rtol 2^-24 (float32 rounding of want), eps 2^-52',
}

Call = Callable[[torch.nn.Module, list[torch.Tensor]], Any]


def cot(shape, dtype, offset: int = 0) -> torch.Tensor:
    n = math.prod(shape)
    i = torch.arange(n, dtype=torch.int64)
    return ((((i + offset) * 37) % 11 - 5).to(dtype) / 4).reshape(shape)


def _named_outputs(result: Any, names: list[str] | None) -> dict[str, torch.Tensor]:
    """Flattens a module's result (a tensor or nested tuples of tensors / None) into named tensors."""
    flat: list[torch.Tensor] = []

    def walk(x: Any) -> None:
        if x is None:
            return
        if isinstance(x, torch.Tensor):
            flat.append(x)
        else:
            for item in x:
                walk(item)

    walk(result)
    if names is None:
        names = ['output'] if len(flat) == 1 else [f'output{j}' for j in range(len(flat))]
    assert len(names) == len(flat), f'{len(flat)} outputs, names {names}'
    return dict(zip(names, flat))


def _run(module: torch.nn.Module, mode: str, inputs: dict[str, torch.Tensor], call: Call, names: list[str] | None,
         dtype: torch.dtype) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor], dict[str, torch.Tensor]]:
    m = copy.deepcopy(module).to(dtype)
    m.train(mode == 'train')
    args: list[torch.Tensor] = []
    leaves: dict[str, torch.Tensor] = {}
    for name, x in inputs.items():
        if x.is_floating_point():
            x = x.to(dtype).clone().requires_grad_(True)
            leaves[name] = x
        args.append(x)
    for key, p in m.named_parameters():
        leaves[key] = p
    outputs = _named_outputs(call(m, args), names)
    loss = sum((o * cot(tuple(o.shape), o.dtype, 7 * j)).sum() for j, o in enumerate(outputs.values()))
    wrt = [n for n, x in leaves.items() if x.requires_grad]
    grads = torch.autograd.grad(loss, [leaves[n] for n in wrt], allow_unused=True)
    grad_map = {n: (g if g is not None else torch.zeros_like(leaves[n])) for n, g in zip(wrt, grads)}
    buffers = {k: b.detach().clone() for k, b in m.named_buffers()}
    return ({k: v.detach() for k, v in outputs.items()}, {k: v.detach() for k, v in grad_map.items()}, buffers)


def _max_abs(t: torch.Tensor) -> float:
    return float(t.detach().double().abs().max()) if t.numel() > 0 else 0.0


def _round_up(s: float) -> float:
    return float(f'{s * 1.0001:.5g}')


def _f32(t: torch.Tensor) -> torch.Tensor:
    return t.to(torch.float32) if t.is_floating_point() else t


class LayerFixtureFile:
    """Collects layer entries for packages/layers/test/fixtures/<filename>."""

    def __init__(self, filename: str, about: str) -> None:
        self.filename = filename
        self.about = about
        self.entries: list[dict[str, Any]] = []
        self.names: set[str] = set()
        self.warnings: list[str] = []
        self.torch32_usage: dict[str, float] = {}

    def add(self, name: str, layer: str, args: dict[str, Any], module: torch.nn.Module, inputs: dict[str, torch.Tensor],
            *, k: int, mode: str = 'train', call: Call | None = None, output_names: list[str] | None = None) -> None:
        """Runs `module` on `inputs` in float64 (the expectation) and float32 (checked against the bound).

        `module` must hold float32 parameters (round them with gradlib.q for short JSON); `call(m, args)` runs it
        (default `m(*args)`); `output_names` names the flattened outputs (default "output", or "output0", ...).
        """
        assert name not in self.names, f'duplicate fixture name {name!r}'
        assert mode in ('train', 'eval')
        self.names.add(name)
        run = call or (lambda m, a: m(*a))
        state = {k_: v.detach().clone() for k_, v in module.state_dict().items()}
        for key, v in state.items():
            assert v.dtype in (torch.float32, torch.int64, torch.bool), f'{name}: state {key} is {v.dtype}'
        for key, x in inputs.items():
            assert x.dtype in (torch.float32, torch.int32, torch.int64, torch.bool), f'{name}: input {key} is {x.dtype}'
        torch.manual_seed(0)
        out64, grads64, buf64 = _run(module, mode, inputs, run, output_names, torch.float64)
        torch.manual_seed(0)
        out32, grads32, _ = _run(module, mode, inputs, run, output_names, torch.float32)
        scale: dict[str, float] = {}
        usage = 0.0
        pairs = [(f'out:{n}', out64[n], out32[n]) for n in out64] + [(f'grad:{n}', grads64[n], grads32[n]) for n in grads64]
        for label, want64, got32 in pairs:
            assert bool(torch.isfinite(want64).all()), f'{name}: {label} is not finite'
            s = _round_up(_max_abs(want64))
            scale[label] = s
            want = want64.to(torch.float32).double()
            bound = F32['atol'] + F32['rtol'] * want.abs() + (k + 1) * F32['eps'] * s
            ratio = float(((got32.double() - want).abs() / bound).max()) if want.numel() else 0.0
            usage = max(usage, ratio)
            if ratio > 1:
                self.warnings.append(f'{name}: PyTorch float32 {label} exceeds the float32 bound ({ratio:.3g}x)')
        self.torch32_usage[name] = usage
        entry: dict[str, Any] = {
            'name': name,
            'layer': layer,
            'args': args,
            'mode': mode,
            'state': {key: encode_tensor(v) for key, v in state.items()},
            'inputs': {key: encode_tensor(x) for key, x in inputs.items()},
            'outputs': {key: encode_tensor(_f32(v)) for key, v in out64.items()},
            'grads': {key: encode_tensor(_f32(v)) for key, v in grads64.items()},
            'tol': {'k': int(k), 'scale': scale},
        }
        if buf64:
            entry['stateAfter'] = {key: encode_tensor(_f32(v)) for key, v in buf64.items()}
        self.entries.append(entry)

    def write(self) -> tuple[pathlib.Path, int]:
        LAYERS_OUT_DIR.mkdir(parents=True, exist_ok=True)
        path = LAYERS_OUT_DIR / self.filename
        head = dumps({'about': self.about, 'torch': torch.__version__, 'tolerance': TOLERANCE_DOC})[:-1]
        body = ',\n'.join(dumps(e) for e in self.entries)
        text = head + ',"entries":[\n' + body + '\n]}\n'
        json.loads(text)
        path.write_text(text)
        return path, len(text.encode())


def quantize_module(module: torch.nn.Module, decimals: int = 3) -> torch.nn.Module:
    """Rounds every float parameter and buffer to `decimals` places (short JSON; exact float32 inputs)."""
    step = 10.0**-decimals
    with torch.no_grad():
        for t in list(module.parameters()) + list(module.buffers()):
            if t.is_floating_point():
                t.copy_((torch.round(t.double() / step) * step).to(t.dtype))
    return module


__all__ = ['LayerFixtureFile', 'LAYERS_OUT_DIR', 'cot', 'quantize_module']
