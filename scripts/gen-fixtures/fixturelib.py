"""Shared machinery of the PyTorch oracle fixture generator (see README.md).

A fixture file is JSON of the form

    {"about": ..., "torch": "<version>", "entries": [entry, ...]}

and every entry is

    {"name": str,                # unique within the file, used as the test title
     "op": str,                  # the @nn function name (the test dispatches on it)
     "inputs": [operand, ...],   # positional operands, see below
     "args": {...},              # the other arguments, in @nn's camelCase API form
     "expected": tensor,         # what PyTorch returned
     "accum": {"k": K, "scale": S}}   # optional, for accumulating ops (see the tolerance notes)

where an operand is a tensor `{"shape": [...], "dtype": "float32"|"float64"|"int32"|"bool",
"values": [...]}` (flat row-major values; non-finite floats are the strings "nan", "inf",
"-inf"; bools are 0/1), `{"scalar": number|bool}` for a JavaScript-number operand, or `null`
(an absent optional tensor such as a conv bias).

Tolerance (applied by packages/tensor/test/oracle/compare.ts): every element must satisfy
|ours - torch| <= atol + rtol*|torch| + accumTol, with (atol, rtol) = (1e-5, 1.3e-6) for float32
and (1e-12, 1e-10) for float64, and accumTol = (K + 1) * eps * S for entries with `accum`
(eps = 2^-23 for float32, 2^-52 for float64). S is chosen per op by the generator (documented
where the entry is built); for plain sums it is max_i sum_k |term_ik|, so accumTol is the classic
gamma_K bound of a float32 summation in any order, with a factor 2 of slack. Non-finite
expected values must match exactly; int32/bool outputs must match exactly.
"""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any, Callable, Sequence

import numpy as np
import torch

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / 'packages' / 'tensor' / 'test' / 'fixtures'

TOL = {'float32': (1e-5, 1.3e-6, 2.0**-23), 'float64': (1e-12, 1e-10, 2.0**-52)}

DTYPE_NAMES = {
    torch.float32: 'float32',
    torch.float64: 'float64',
    torch.int32: 'int32',
    torch.int64: 'int32',  # @nn has no int64: indices and integer sums are int32
    torch.bool: 'bool',
}


class Raw:
    """Pre-formatted JSON text, spliced in verbatim by `dumps`."""

    def __init__(self, text: str) -> None:
        self.text = text


class Scalar:
    """A JavaScript-number operand (PyTorch receives the plain Python number)."""

    def __init__(self, value: float | int | bool) -> None:
        self.value = value


def fmt_float(v: float, dtype: str) -> str:
    if math.isnan(v):
        return '"nan"'
    if math.isinf(v):
        return '"inf"' if v > 0 else '"-inf"'
    if dtype == 'float32':
        s = str(np.float32(v))
        assert np.float32(float(s)) == np.float32(v) or (v == 0), (s, v)
    else:
        s = repr(float(v))
        assert float(s) == v, (s, v)
    if s.endswith('.0'):
        s = s[:-2]
    return s


def encode_tensor(t: torch.Tensor) -> dict[str, Any]:
    t = t.detach().cpu().contiguous()
    name = DTYPE_NAMES[t.dtype]
    flat = t.reshape(-1).tolist()
    if name == 'bool':
        vals = ['1' if v else '0' for v in flat]
    elif name == 'int32':
        for v in flat:
            assert -(2**31) <= v < 2**31, f'int value {v} does not fit int32'
        vals = [str(int(v)) for v in flat]
    else:
        vals = [fmt_float(v, name) for v in flat]
    return {'shape': list(t.shape), 'dtype': name, 'values': Raw('[' + ','.join(vals) + ']')}


def encode_operand(x: Any) -> Any:
    if x is None:
        return None
    if isinstance(x, Scalar):
        return {'scalar': x.value}
    if isinstance(x, torch.Tensor):
        return encode_tensor(x)
    raise TypeError(f'unsupported operand {x!r}')


def dumps(obj: Any) -> str:
    if isinstance(obj, Raw):
        return obj.text
    if isinstance(obj, dict):
        return '{' + ','.join(json.dumps(k) + ':' + dumps(v) for k, v in obj.items()) + '}'
    if isinstance(obj, (list, tuple)):
        return '[' + ','.join(dumps(v) for v in obj) + ']'
    if isinstance(obj, float):
        if not math.isfinite(obj):
            raise ValueError('non-finite argument values are not supported in args')
        return fmt_float(obj, 'float64')
    return json.dumps(obj)


def torch_arg(x: Any) -> Any:
    return x.value if isinstance(x, Scalar) else x


def to_f64(x: Any) -> Any:
    if isinstance(x, torch.Tensor) and x.dtype == torch.float32:
        return x.double()
    return x


def finite_abs_max(t: torch.Tensor) -> float:
    t = t.detach().double().abs()
    t = t[torch.isfinite(t)]
    return float(t.max()) if t.numel() > 0 else 0.0


def abs_inputs(inputs: Sequence[Any]) -> list[Any]:
    """Float64 absolute values of every float tensor operand (others unchanged)."""
    out = []
    for x in inputs:
        if isinstance(x, torch.Tensor) and x.is_floating_point():
            out.append(x.double().abs())
        elif isinstance(x, Scalar) and isinstance(x.value, float):
            out.append(Scalar(abs(x.value)))
        else:
            out.append(x)
    return out


class FixtureFile:
    """Collects entries for one JSON file and checks each against a float64 re-run."""

    def __init__(self, filename: str, about: str) -> None:
        self.filename = filename
        self.about = about
        self.entries: list[dict[str, Any]] = []
        self.names: set[str] = set()
        self.warnings: list[str] = []

    def add(
        self,
        name: str,
        op: str,
        inputs: Sequence[Any],
        fn: Callable[..., torch.Tensor],
        args: dict[str, Any] | None = None,
        *,
        k: int | None = None,
        scale: float | str | Callable[..., torch.Tensor] | None = None,
        cast: torch.dtype | None = None,
        check64: bool = True,
    ) -> None:
        """Runs `fn(*inputs)` in PyTorch and records the entry.

        `k`/`scale` declare an accumulation tolerance: `scale` is a number, 'abs' (the op applied to
        |inputs| in float64: sum over k of |term_k| for multilinear ops), 'out' (max |expected|),
        or a callable given the float64 |inputs| returning a tensor whose finite max is S.
        `cast` converts the result (e.g. one_hot's int64 to float32, matching @nn's default dtype).
        """
        assert name not in self.names, f'duplicate fixture name {name!r}'
        self.names.add(name)
        targs = [torch_arg(x) for x in inputs]
        with torch.no_grad() if not _needs_grad(op) else _null():
            out = fn(*targs)
        if cast is not None:
            out = out.to(cast)
        out = out.detach()
        entry: dict[str, Any] = {
            'name': name,
            'op': op,
            'inputs': [encode_operand(x) for x in inputs],
            'args': args or {},
            'expected': encode_tensor(out),
        }
        if k is not None:
            if scale == 'out':
                s = finite_abs_max(out)
            elif scale == 'abs' or scale is None:
                s = finite_abs_max(fn(*[torch_arg(x) for x in abs_inputs(inputs)]))
            elif callable(scale):
                s = finite_abs_max(scale(*[torch_arg(x) for x in abs_inputs(inputs)]))
            else:
                s = float(scale)
            # Rounded up to 5 significant digits: compact, never tighter than computed.
            entry['accum'] = {'k': int(k), 'scale': float(f'{s * 1.0001:.5g}')}
        self.entries.append(entry)
        if check64 and out.dtype == torch.float32:
            self._check_against_f64(entry, inputs, fn, out, cast)

    def _check_against_f64(self, entry, inputs, fn, out, cast) -> None:
        """Warns when PyTorch's float32 answer is not within the test tolerance of its float64 one."""
        targs = [torch_arg(to_f64(x)) for x in inputs]
        with torch.no_grad() if not _needs_grad(entry['op']) else _null():
            ref = fn(*targs)
        if cast is not None:
            ref = ref.to(torch.float64)
        ref = ref.detach().to(torch.float32).double()
        got = out.double()
        if ref.shape != got.shape:
            self.warnings.append(f"{entry['name']}: float64 shape {tuple(ref.shape)}")
            return
        atol, rtol, eps = TOL['float32']
        tol = atol + rtol * ref.abs()
        if 'accum' in entry:
            tol = tol + (entry['accum']['k'] + 1) * eps * entry['accum']['scale']
        both_nan = torch.isnan(ref) & torch.isnan(got)
        finite = torch.isfinite(ref)
        ok = both_nan | (~finite & (ref == got)) | (finite & ((got - ref).abs() <= tol))
        if not bool(ok.all()):
            i = int((~ok).reshape(-1).nonzero()[0])
            self.warnings.append(
                f"{entry['name']}: float32 torch {got.reshape(-1)[i].item()!r} vs float64 torch "
                f"{ref.reshape(-1)[i].item()!r} at flat index {i} ({int((~ok).sum())} elements)"
            )

    def write(self) -> tuple[pathlib.Path, int]:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        path = OUT_DIR / self.filename
        head = dumps({'about': self.about, 'torch': torch.__version__})[:-1]
        body = ',\n'.join(dumps(e) for e in self.entries)
        text = head + ',"entries":[\n' + body + '\n]}\n'
        json.loads(text)  # must be valid JSON
        path.write_text(text)
        return path, len(text.encode())


GRAD_OPS = {'conv2dBackpropInput', 'conv2dBackpropFilter', 'maxPool2dBackprop', 'avgPool2dBackprop'}


def _needs_grad(op: str) -> bool:
    return op in GRAD_OPS


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


# Shared by the case modules.

NAN = float('nan')
INF = float('inf')
ABOUT = 'PyTorch oracle fixtures for @nn/tensor, generated by scripts/gen-fixtures/gen_tensor_fixtures.py; do not edit by hand.'


def seeded(seed: int) -> None:
    torch.manual_seed(seed)


def t32(values, shape=None) -> torch.Tensor:
    t = torch.tensor(values, dtype=torch.float32)
    return t.reshape(shape) if shape is not None else t


def randn(*shape: int, dtype=torch.float32) -> torch.Tensor:
    return torch.randn(*shape, dtype=torch.float64).to(dtype)


def randint(low: int, high: int, *shape: int) -> torch.Tensor:
    return torch.randint(low, high, shape, dtype=torch.int64).to(torch.int32)


def pair(v, default):
    if v is None:
        return (default, default)
    return (v, v) if isinstance(v, int) else tuple(v)
