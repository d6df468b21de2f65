#!/usr/bin/python3
"""Writes the PyTorch safetensors fixtures of @nn/layers (packages/layers/test/fixtures/torch-*).

Run with Debian's PyTorch (see README.md); Python's `safetensors` package is not needed, the format
is written here with struct + json:

    /usr/bin/python3 scripts/gen-fixtures/gen_safetensors_fixture.py
    /usr/bin/python3 scripts/gen-fixtures/gen_safetensors_fixture.py --read FILE   # check a file @nn wrote

Files (read by packages/layers/test/safetensors-torch.test.ts):

- torch-cnn.safetensors: the state_dict of a seeded CNN (Conv2d, BatchNorm2d, ReLU, MaxPool2d, Flatten,
  Linear) after two training-mode forwards (so the running statistics and num_batches_tracked, an I64,
  are not trivial), laid out as the reference writer does (tensors sorted by alignment then name,
  metadata {"format": "pt"}, header padded with spaces to a multiple of 8).
- torch-cnn.json: an input and the model's eval-mode output. `expected` is PyTorch's float64 answer for
  the float32 weights and input, rounded once to float32; the tolerance is layerlib.py's
  (1e-5 + 1.3e-6*|want| + (k + 1)*2^-23*S) with k and S recorded in `tol`. The script checks that
  PyTorch's own float32 output meets it.
- torch-dtypes.safetensors + torch-dtypes.json: one tensor per dtype @nn converts on load (F16, BF16,
  I64, I16, I8, U8, BOOL, F64, F32), with special values, and the float64 value of every element as
  PyTorch converts it (torch's own casts are the reference for the conversions).

Deterministic: fixed seeds and one thread, so a rerun rewrites identical files.
"""

from __future__ import annotations

import copy
import json
import pathlib
import struct
import sys

sys.dont_write_bytecode = True  # no __pycache__ next to the script

import torch  # noqa: E402
from torch import nn  # noqa: E402

from fixturelib import dumps, encode_tensor  # noqa: E402

torch.set_num_threads(1)

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / 'packages' / 'layers' / 'test' / 'fixtures'

# torch dtype -> (safetensors name, bytes per element)
DTYPES = {
    torch.float64: ('F64', 8),
    torch.float32: ('F32', 4),
    torch.float16: ('F16', 2),
    torch.bfloat16: ('BF16', 2),
    torch.int64: ('I64', 8),
    torch.int32: ('I32', 4),
    torch.int16: ('I16', 2),
    torch.int8: ('I8', 1),
    torch.uint8: ('U8', 1),
    torch.bool: ('BOOL', 1),
}
BY_NAME = {name: (dt, size) for dt, (name, size) in DTYPES.items()}


def tensor_bytes(t: torch.Tensor) -> bytes:
    """The little-endian bytes of a contiguous CPU tensor (bfloat16 through its int16 bit pattern)."""
    t = t.detach().cpu().contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    array = t.numpy()
    return array.astype(array.dtype.newbyteorder('<'), copy=False).tobytes()


def save_safetensors(tensors: dict[str, torch.Tensor], metadata: dict[str, str] | None = None) -> bytes:
    """The safetensors encoding of `tensors`, ordered as the reference writer orders them."""
    order = sorted(tensors, key=lambda k: (-DTYPES[tensors[k].dtype][1], k))
    header: dict[str, object] = {}
    if metadata:
        header['__metadata__'] = metadata
    chunks = []
    offset = 0
    for name in order:
        t = tensors[name]
        data = tensor_bytes(t)
        header[name] = {'dtype': DTYPES[t.dtype][0], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(',', ':')).encode('utf-8')
    text += b' ' * (-len(text) % 8)
    return struct.pack('<Q', len(text)) + text + b''.join(chunks)


def load_safetensors(data: bytes) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """A plain reader (for --read): checks the layout and returns the tensors and metadata."""
    (n,) = struct.unpack_from('<Q', data, 0)
    header = json.loads(data[8 : 8 + n].decode('utf-8'))
    metadata = header.pop('__metadata__', {})
    buf = data[8 + n :]
    tensors = {}
    end = 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]['data_offsets']):
        dt, size = BY_NAME[info['dtype']]
        b, e = info['data_offsets']
        assert b == end, f'{name}: hole or overlap at {b}'
        count = 1
        for d in info['shape']:
            count *= d
        assert e - b == count * size, f'{name}: {e - b} bytes for shape {info["shape"]}'
        raw = bytearray(buf[b:e])
        if dt == torch.bfloat16:
            t = torch.frombuffer(raw, dtype=torch.int16).view(torch.bfloat16) if raw else torch.empty(0, dtype=dt)
        else:
            t = torch.frombuffer(raw, dtype=dt) if raw else torch.empty(0, dtype=dt)
        tensors[name] = t.reshape(info['shape'])
        end = e
    assert end == len(buf), 'trailing bytes'
    return {k: tensors[k] for k in header}, metadata


def cnn() -> None:
    torch.manual_seed(20240607)
    model = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(4 * 4 * 4, 3),
    )
    # Give the batch norm non-trivial affine parameters and running statistics.
    with torch.no_grad():
        model[1].weight.uniform_(0.5, 1.5)
        model[1].bias.uniform_(-0.5, 0.5)
        model.train()
        for _ in range(2):
            model(torch.randn(5, 1, 8, 8) * 2 + 0.5)
    model.eval()
    x = torch.randn(2, 1, 8, 8)
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    assert state['1.num_batches_tracked'].dtype == torch.int64 and int(state['1.num_batches_tracked']) == 2

    with torch.no_grad():
        y32 = model(x)
        m64 = copy.deepcopy(model).double().eval()
        y64 = m64(x.double())
        # Accumulation scale: the largest sum of |terms| feeding one output of the conv and of the linear.
        conv_abs = nn.functional.conv2d(x.double().abs(), model[0].weight.double().abs(), model[0].bias.double().abs(), padding=1)
        h = m64[:5](x.double())
        lin_abs = h.abs() @ model[5].weight.double().abs().T + model[5].bias.double().abs()
    k = 9 + 64  # the conv window (1*3*3) and the linear's inner size
    scale = max(float(conv_abs.max()), float(lin_abs.max()), float(y64.abs().max()), float(h.abs().max()))
    want = y64.float()
    bound = 1e-5 + 1.3e-6 * want.double().abs() + (k + 1) * 2.0**-23 * scale
    usage = float(((y32.double() - want.double()).abs() / bound).max())
    assert usage <= 1, f'PyTorch float32 misses the bound ({usage:.2f}x)'

    data = save_safetensors(state, {'format': 'pt'})
    (OUT / 'torch-cnn.safetensors').write_bytes(data)
    fixture = {
        'about': 'state_dict of nn.Sequential(Conv2d(1,4,3,padding=1), BatchNorm2d(4), ReLU(), MaxPool2d(2), '
        'Flatten(), Linear(64,3)) in eval mode after two training-mode forwards; see gen_safetensors_fixture.py',
        'torch': torch.__version__,
        'keys': list(state),
        'input': encode_tensor(x),
        'expected': encode_tensor(want),
        'tol': {'k': k, 'scale': scale},
        'runningMean': encode_tensor(state['1.running_mean']),
        'numBatchesTracked': int(state['1.num_batches_tracked']),
    }
    (OUT / 'torch-cnn.json').write_text(dumps(fixture) + '\n')
    print(f'torch-cnn.safetensors: {len(data)} bytes, {len(state)} tensors; torch-cnn.json: k {k}, scale {scale:.3f}, '
          f'PyTorch float32 uses {usage * 100:.1f}% of the bound')


def dtypes() -> None:
    torch.manual_seed(7)
    specials = torch.tensor([0.0, -0.0, 1.0, -2.5, 65504.0, 6.1035e-05, 5.96e-08, 1e-3, float('inf'), float('-inf'), float('nan'), 3.14159])
    tensors = {
        'f16': specials.to(torch.float16),
        'bf16': torch.cat([specials, torch.tensor([3.0e38, -1.0e-38])]).to(torch.bfloat16),
        'f16_random': torch.randn(3, 5).to(torch.float16),
        'i64': torch.tensor([[0, -1, 2147483647], [-2147483648, 123456789, -42]], dtype=torch.int64),
        'i16': torch.tensor([-32768, 32767, 0, -7], dtype=torch.int16),
        'i8': torch.tensor([-128, 127, 5], dtype=torch.int8),
        'u8': torch.tensor([0, 255, 128], dtype=torch.uint8),
        'bool': torch.tensor([[True, False], [False, True]]),
        'f64': torch.tensor([1 / 3, -0.0, 1e-310, float('nan')], dtype=torch.float64),
        'f32_scalar': torch.tensor(2.75),
        'empty_i64': torch.zeros(0, 3, dtype=torch.int64),
    }
    data = save_safetensors(tensors, {'format': 'pt', 'note': 'one tensor per dtype'})
    (OUT / 'torch-dtypes.safetensors').write_bytes(data)
    expected = {}
    for name, t in tensors.items():
        as_nn = t.to(torch.float64) if t.is_floating_point() and t.dtype != torch.float64 else t
        if t.dtype in (torch.float16, torch.bfloat16, torch.float32):
            as_nn = t.to(torch.float32)
        elif t.dtype in (torch.int64, torch.int16, torch.int8, torch.uint8):
            as_nn = t.to(torch.int32)
        expected[name] = encode_tensor(as_nn)
    fixture = {'about': 'one tensor per safetensors dtype; expected = torch cast to the @nn dtype', 'torch': torch.__version__, 'tensors': expected}
    (OUT / 'torch-dtypes.json').write_text(dumps(fixture) + '\n')
    print(f'torch-dtypes.safetensors: {len(data)} bytes, {len(tensors)} tensors')


def read(path: str) -> None:
    tensors, metadata = load_safetensors(pathlib.Path(path).read_bytes())
    print(f'metadata: {metadata}')
    for name, t in tensors.items():
        print(f'{name}: {t.dtype} {list(t.shape)} {t.reshape(-1)[:6].tolist()}')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--read':
        read(sys.argv[2])
    else:
        OUT.mkdir(parents=True, exist_ok=True)
        cnn()
        dtypes()
