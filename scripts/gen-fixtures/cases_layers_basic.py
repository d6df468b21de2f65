"""Oracle fixtures of @nn/layers' basic layers: Linear, Bilinear, Conv1d, Conv2d, ConvTranspose2d, the pools,
Flatten, Unflatten, Dropout, BatchNorm1d/2d, LayerNorm, Embedding and Residual.

Writes packages/layers/test/fixtures/basic.json (entry format and tolerances: layerlib.py); the test is
packages/layers/test/oracle-basic.test.ts.

Every entry's `args` holds the constructor arguments in @nn's camelCase form, keyed by name: the positional ones
(listed per layer in the test's spec table, e.g. inFeatures, outFeatures) and the options (every other key), plus
  "forward": non-tensor forward arguments (ConvTranspose2d's outputSize),
  "inner" / "shortcut": for Residual (our own container; PyTorch has none), nested {"layer", "args"} specs; the
  PyTorch side is a module with attributes `inner` and `shortcut`, so the state-dict keys are the same.

K (accumulation length, forward + backward) per layer, with B the product of the batch dims:
  Linear            in + out + B                      (x·Wᵀ, dy·W, the batch sums of dW and db)
  Bilinear          in1 + in2 + out·(in1 + in2) + B
  Conv1d/2d         (C_in + C_out)/groups·|kernel| + N·|output|   (window sums; dW, db over positions)
  ConvTranspose2d   (C_in + C_out)/groups·|kernel| + N·|input| + N·|output|
  Max/AvgPool2d     2·|kernel|;  AdaptiveAvgPool2d  2·H·W (the largest possible window)
  BatchNorm         6·count in training (mean, variance, and the backward's two channel sums, dW, db);
                    2·count in evaluation;  count = N·L or N·H·W
  LayerNorm         4·|normalizedShape| + B
  Embedding         the number of indices (the scatter-add of dW)
  Flatten, Unflatten, Dropout (eval or p = 0)   0
Dropout appears only in eval mode or with p = 0 (PyTorch's random stream is not ours); train-mode dropout is
tested statistically in layers-dropout.test.ts.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import torch
from torch import nn

from gradlib import q, qrandn
from layerlib import LayerFixtureFile, quantize_module

SEED = 1313

# PyTorch warns that 'same' padding with an even kernel copies the input: expected, and not a note.
warnings.filterwarnings('ignore', message="Using padding='same'")


class ResidualT(nn.Module):
    """x -> inner(x) + shortcut(x): the PyTorch twin of @nn's Residual (same attribute names, same keys)."""

    def __init__(self, inner: nn.Module, shortcut: nn.Module | None = None) -> None:
        super().__init__()
        self.inner = inner
        self.shortcut = shortcut if shortcut is not None else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.inner(x) + self.shortcut(x)


def distinct(*shape: int) -> torch.Tensor:
    """Values without ties (a shuffled grid of multiples of 1/8), so max pooling's argmax is unique."""
    n = math.prod(shape)
    return ((torch.randperm(n).to(torch.float32) - n / 2) / 8).reshape(shape)


def gen() -> LayerFixtureFile:
    f = LayerFixtureFile('basic.json', 'PyTorch 1.13 basic layers (Linear … Embedding, Residual): outputs, gradients '
                         'wrt inputs and parameters, buffers after the call (cases_layers_basic.py)')
    torch.manual_seed(SEED)

    # --- Linear ---------------------------------------------------------------------------------------------------
    def linear(name: str, i: int, o: int, lead: tuple[int, ...], bias: bool = True) -> None:
        m = quantize_module(nn.Linear(i, o, bias=bias))
        b = math.prod(lead)
        f.add(name, 'Linear', {'inFeatures': i, 'outFeatures': o, 'bias': bias}, m, {'x': qrandn(*lead, i)},
              k=i + o + b)

    linear('Linear [N, in]', 5, 3, (4,))
    linear('Linear bias false', 5, 3, (4,), bias=False)
    linear('Linear 1-D input [in]', 4, 6, ())
    linear('Linear 3-D input [A, B, in]', 3, 2, (2, 3))
    linear('Linear 4-D input, in 1', 1, 3, (2, 1, 2))

    # --- Bilinear -------------------------------------------------------------------------------------------------
    def bilinear(name: str, i1: int, i2: int, o: int, lead: tuple[int, ...], bias: bool = True) -> None:
        m = quantize_module(nn.Bilinear(i1, i2, o, bias=bias))
        f.add(name, 'Bilinear', {'in1Features': i1, 'in2Features': i2, 'outFeatures': o, 'bias': bias}, m,
              {'x1': qrandn(*lead, i1), 'x2': qrandn(*lead, i2)}, k=i1 + i2 + o * (i1 + i2) + math.prod(lead))

    bilinear('Bilinear [N, in1] x [N, in2]', 3, 4, 2, (5,))
    bilinear('Bilinear bias false', 2, 3, 3, (4,), bias=False)
    bilinear('Bilinear 3-D inputs', 3, 2, 2, (2, 3))

    # --- Conv1d / Conv2d ------------------------------------------------------------------------------------------
    def conv(name: str, dims: int, cin: int, cout: int, kernel: Any, x_shape: tuple[int, ...], **opts: Any) -> None:
        cls = nn.Conv1d if dims == 1 else nn.Conv2d
        torch_opts = {'padding_mode' if k == 'paddingMode' else k: v for k, v in opts.items()}
        m = quantize_module(cls(cin, cout, kernel, **torch_opts))
        x = qrandn(*x_shape)
        out = m(x)
        groups = opts.get('groups', 1)
        ksize = math.prod(m.kernel_size)
        batch = x_shape[0] if len(x_shape) == dims + 2 else 1
        k = (cin + cout) // groups * ksize + batch * math.prod(out.shape[-dims:])
        args = {'inChannels': cin, 'outChannels': cout, 'kernelSize': kernel, **opts}
        f.add(name, 'Conv1d' if dims == 1 else 'Conv2d', args, m, {'x': x}, k=k)

    conv('Conv1d k3', 1, 2, 3, 3, (2, 2, 7))
    conv('Conv1d stride 2, padding 1, bias false', 1, 2, 4, 3, (2, 2, 8), stride=2, padding=1, bias=False)
    conv('Conv1d dilation 2, groups 2', 1, 4, 6, 3, (2, 4, 9), dilation=2, groups=2)
    conv("Conv1d padding 'same', even kernel", 1, 3, 2, 4, (2, 3, 6), padding='same')
    conv("Conv1d padding 'valid', unbatched [C, L]", 1, 3, 2, 2, (3, 6), padding='valid')
    conv('Conv1d circular padding 2', 1, 2, 2, 3, (2, 2, 5), padding=2, paddingMode='circular')
    conv('Conv1d reflect padding', 1, 2, 3, 3, (1, 2, 6), padding=1, paddingMode='reflect')
    conv('Conv2d 3x3', 2, 3, 4, 3, (2, 3, 5, 5))
    conv('Conv2d stride 2, padding 1', 2, 2, 3, 3, (2, 2, 6, 7), stride=2, padding=1)
    conv('Conv2d rect kernel, stride [2, 1], padding [1, 0], bias false', 2, 2, 2, [3, 2], (2, 2, 5, 6),
         stride=[2, 1], padding=[1, 0], bias=False)
    conv('Conv2d dilation 2, groups 2', 2, 4, 4, 3, (1, 4, 7, 7), dilation=2, groups=2)
    conv('Conv2d depthwise (groups = channels)', 2, 3, 6, 3, (2, 3, 5, 5), groups=3, padding=1)
    conv("Conv2d padding 'same', even kernel 4x2, dilation [1, 2]", 2, 2, 3, [4, 2], (1, 2, 6, 5), padding='same',
         dilation=[1, 2])
    conv('Conv2d unbatched [C, H, W]', 2, 2, 3, 2, (2, 4, 5))
    conv('Conv2d reflect padding', 2, 2, 2, 3, (1, 2, 5, 5), padding=1, paddingMode='reflect')
    conv('Conv2d replicate padding [2, 1]', 2, 2, 2, 3, (1, 2, 4, 5), padding=[2, 1], paddingMode='replicate')
    conv("Conv2d circular padding 'same'", 2, 1, 2, 3, (2, 1, 4, 4), padding='same', paddingMode='circular')

    # --- ConvTranspose2d ------------------------------------------------------------------------------------------
    def convt(name: str, cin: int, cout: int, kernel: Any, x_shape: tuple[int, ...], output_size: list[int] | None = None,
              **opts: Any) -> None:
        torch_opts = {'output_padding' if k == 'outputPadding' else k: v for k, v in opts.items()}
        m = quantize_module(nn.ConvTranspose2d(cin, cout, kernel, **torch_opts))
        x = qrandn(*x_shape)
        out = m(x, output_size=output_size) if output_size is not None else m(x)
        groups = opts.get('groups', 1)
        batch = x_shape[0] if len(x_shape) == 4 else 1
        k = (cin + cout) // groups * math.prod(m.kernel_size) + batch * (math.prod(x_shape[-2:]) +
                                                                          math.prod(out.shape[-2:]))
        args = {'inChannels': cin, 'outChannels': cout, 'kernelSize': kernel, **opts}
        call = None
        if output_size is not None:
            args['forward'] = {'outputSize': output_size}
            call = (lambda mod, a: mod(a[0], output_size=output_size))
        f.add(name, 'ConvTranspose2d', args, m, {'x': x}, k=k, call=call)

    convt('ConvTranspose2d 3x3', 2, 3, 3, (2, 2, 3, 3))
    convt('ConvTranspose2d stride 2, padding 1, outputPadding 1', 2, 2, 3, (2, 2, 3, 4), stride=2, padding=1,
          outputPadding=1)
    convt('ConvTranspose2d groups 2, bias false', 4, 2, 2, (1, 4, 3, 3), groups=2, bias=False)
    convt('ConvTranspose2d dilation 2, stride [1, 2], outputPadding [1, 1]', 2, 2, 2, (1, 2, 3, 3), dilation=2,
          stride=[1, 2], outputPadding=[1, 1])
    convt('ConvTranspose2d unbatched [C, H, W], rect kernel', 2, 3, [2, 3], (2, 3, 2))
    convt('ConvTranspose2d outputSize [8, 7] (stride 2)', 2, 2, 3, (1, 2, 4, 4), output_size=[8, 7], stride=2,
          padding=1)

    # --- pooling --------------------------------------------------------------------------------------------------
    def maxpool(name: str, kernel: Any, x_shape: tuple[int, ...], **opts: Any) -> None:
        torch_opts = {'ceil_mode' if k == 'ceilMode' else k: v for k, v in opts.items()}
        m = nn.MaxPool2d(kernel, **torch_opts)
        ks = kernel if isinstance(kernel, list) else [kernel, kernel]
        f.add(name, 'MaxPool2d', {'kernelSize': kernel, **opts}, m, {'x': distinct(*x_shape)}, k=2 * math.prod(ks))

    maxpool('MaxPool2d 2', 2, (2, 2, 4, 5))
    maxpool('MaxPool2d 3, stride 2, padding 1 (overlapping)', 3, (1, 2, 7, 6), stride=2, padding=1)
    maxpool('MaxPool2d ceilMode, kernel [2, 3]', [2, 3], (1, 1, 5, 7), ceilMode=True)
    maxpool('MaxPool2d dilation 2, stride 1', 2, (1, 2, 5, 5), dilation=2, stride=1)
    maxpool('MaxPool2d unbatched [C, H, W]', 2, (3, 4, 4))

    def avgpool(name: str, kernel: Any, x_shape: tuple[int, ...], **opts: Any) -> None:
        names = {'ceilMode': 'ceil_mode', 'countIncludePad': 'count_include_pad'}
        m = nn.AvgPool2d(kernel, **{names.get(k, k): v for k, v in opts.items()})
        ks = kernel if isinstance(kernel, list) else [kernel, kernel]
        f.add(name, 'AvgPool2d', {'kernelSize': kernel, **opts}, m, {'x': qrandn(*x_shape)}, k=2 * math.prod(ks))

    avgpool('AvgPool2d 2', 2, (2, 2, 4, 4))
    avgpool('AvgPool2d 3, stride 2, padding 1', 3, (1, 2, 6, 7), stride=2, padding=1)
    avgpool('AvgPool2d padding 1, countIncludePad false', 3, (1, 1, 5, 5), stride=2, padding=1, countIncludePad=False)
    avgpool('AvgPool2d ceilMode, countIncludePad false', 2, (1, 2, 5, 5), ceilMode=True, countIncludePad=False)
    avgpool('AvgPool2d ceilMode, padding 1, countIncludePad true', 3, (1, 1, 6, 6), stride=2, padding=1,
            ceilMode=True)
    avgpool('AvgPool2d unbatched, kernel [1, 2]', [1, 2], (2, 3, 4))

    def adaptive(name: str, size: Any, x_shape: tuple[int, ...]) -> None:
        m = nn.AdaptiveAvgPool2d(size)
        f.add(name, 'AdaptiveAvgPool2d', {'outputSize': size}, m, {'x': qrandn(*x_shape)},
              k=2 * math.prod(x_shape[-2:]))

    adaptive('AdaptiveAvgPool2d 1 (global average)', 1, (2, 3, 4, 5))
    adaptive('AdaptiveAvgPool2d [3, 4] from 5x7 (uneven windows)', [3, 4], (1, 2, 5, 7))
    adaptive('AdaptiveAvgPool2d [2, null] unbatched', [2, None], (2, 4, 3))

    # --- Flatten / Unflatten / Dropout ----------------------------------------------------------------------------
    f.add('Flatten default (1, -1)', 'Flatten', {}, nn.Flatten(), {'x': qrandn(2, 3, 2, 2)}, k=0)
    f.add('Flatten (0, 1)', 'Flatten', {'startDim': 0, 'endDim': 1}, nn.Flatten(0, 1), {'x': qrandn(2, 3, 2)}, k=0)
    f.add('Flatten (-2, -1)', 'Flatten', {'startDim': -2, 'endDim': -1}, nn.Flatten(-2, -1), {'x': qrandn(2, 3, 2)},
          k=0)
    f.add('Unflatten (1, [2, 3])', 'Unflatten', {'dim': 1, 'unflattenedSize': [2, 3]}, nn.Unflatten(1, (2, 3)),
          {'x': qrandn(2, 6)}, k=0)
    f.add('Unflatten (-1, [2, -1])', 'Unflatten', {'dim': -1, 'unflattenedSize': [2, -1]}, nn.Unflatten(-1, (2, -1)),
          {'x': qrandn(3, 2, 4)}, k=0)
    f.add('Dropout p 0.5 in eval mode (identity)', 'Dropout', {'p': 0.5}, nn.Dropout(0.5), {'x': qrandn(3, 4)}, k=0,
          mode='eval')
    f.add('Dropout p 0 in train mode (identity)', 'Dropout', {'p': 0.0}, nn.Dropout(0.0), {'x': qrandn(3, 4)}, k=0)

    # --- BatchNorm ------------------------------------------------------------------------------------------------
    def batchnorm(name: str, dims: int, c: int, x_shape: tuple[int, ...], mode: str = 'train', momentum: Any = 0.1,
                  affine: bool = True, track: bool = True, eps: float = 1e-5, tracked: int = 0) -> None:
        cls = nn.BatchNorm1d if dims == 1 else nn.BatchNorm2d
        m = cls(c, eps=eps, momentum=momentum, affine=affine, track_running_stats=track)
        with torch.no_grad():
            if affine:
                m.weight.copy_(qrandn(c, std=0.5, mean=1.0))
                m.bias.copy_(qrandn(c, std=0.5))
            if track:
                m.running_mean.copy_(qrandn(c, std=0.5))
                m.running_var.copy_(q(torch.rand(c) + 0.5))
                m.num_batches_tracked.fill_(tracked)
        quantize_module(m)
        x = qrandn(*x_shape, std=2.0, mean=0.5)
        count = math.prod(x_shape) // c
        args: dict[str, Any] = {'numFeatures': c, 'eps': eps, 'momentum': momentum, 'affine': affine,
                                'trackRunningStats': track}
        f.add(name, 'BatchNorm1d' if dims == 1 else 'BatchNorm2d', args, m, {'x': x},
              k=(6 if mode == 'train' or not track else 2) * count, mode=mode)

    batchnorm('BatchNorm1d [N, C] train', 1, 3, (5, 3))
    batchnorm('BatchNorm1d [N, C, L] train, momentum 0.3, eps 1e-3', 1, 2, (3, 2, 4), momentum=0.3, eps=1e-3)
    batchnorm('BatchNorm1d [N, C] eval (running stats)', 1, 3, (4, 3), mode='eval')
    batchnorm('BatchNorm1d [N, C, L] eval', 1, 2, (2, 2, 3), mode='eval')
    batchnorm('BatchNorm1d momentum null (cumulative average), 3 batches tracked', 1, 3, (4, 3), momentum=None,
              tracked=3)
    batchnorm('BatchNorm1d affine false, train', 1, 2, (4, 2, 2), affine=False)
    batchnorm('BatchNorm1d trackRunningStats false, train', 1, 3, (4, 3), track=False)
    batchnorm('BatchNorm1d trackRunningStats false, eval (batch stats)', 1, 3, (4, 3), track=False, mode='eval')
    batchnorm('BatchNorm1d N = 2 (smallest batch)', 1, 2, (2, 2))
    batchnorm('BatchNorm2d train', 2, 3, (2, 3, 3, 4))
    batchnorm('BatchNorm2d eval', 2, 2, (2, 2, 3, 3), mode='eval')
    batchnorm('BatchNorm2d momentum null, 0 batches tracked (first batch)', 2, 2, (2, 2, 2, 3), momentum=None)
    batchnorm('BatchNorm2d momentum 1, affine false', 2, 2, (3, 2, 2, 2), momentum=1.0, affine=False)

    # --- LayerNorm ------------------------------------------------------------------------------------------------
    def layernorm(name: str, shape: Any, x_shape: tuple[int, ...], affine: bool = True, eps: float = 1e-5) -> None:
        m = nn.LayerNorm(shape, eps=eps, elementwise_affine=affine)
        if affine:
            with torch.no_grad():
                m.weight.copy_(qrandn(*m.weight.shape, std=0.5, mean=1.0))
                m.bias.copy_(qrandn(*m.bias.shape, std=0.5))
        quantize_module(m)
        d = math.prod(m.normalized_shape)
        args = {'normalizedShape': shape, 'eps': eps, 'elementwiseAffine': affine}
        f.add(name, 'LayerNorm', args, m, {'x': qrandn(*x_shape, std=2.0, mean=-0.5)},
              k=4 * d + math.prod(x_shape) // d)

    layernorm('LayerNorm over the last dim [N, D]', 5, (3, 5))
    layernorm('LayerNorm over the last 2 dims [N, A, B]', [2, 3], (4, 2, 3))
    layernorm('LayerNorm [N, L, D] over D, eps 1e-3', [4], (2, 3, 4), eps=1e-3)
    layernorm('LayerNorm elementwiseAffine false', 6, (2, 6), affine=False)
    layernorm('LayerNorm 1-D input [D]', 4, (4,))

    # --- Embedding ------------------------------------------------------------------------------------------------
    def emb(name: str, v: int, d: int, idx: list[Any], padding_idx: int | None = None) -> None:
        m = nn.Embedding(v, d, padding_idx=padding_idx)
        with torch.no_grad():
            m.weight.copy_(qrandn(v, d))
        quantize_module(m)
        ind = torch.tensor(idx, dtype=torch.int64)
        args: dict[str, Any] = {'numEmbeddings': v, 'embeddingDim': d}
        if padding_idx is not None:
            args['paddingIdx'] = padding_idx
        f.add(name, 'Embedding', args, m, {'indices': ind}, k=ind.numel())

    emb('Embedding 1-D indices with repeats', 6, 3, [1, 4, 1, 0, 5, 1])
    emb('Embedding 2-D indices, paddingIdx 0 (no gradient to row 0)', 5, 4, [[0, 2, 0], [3, 0, 2]], padding_idx=0)
    emb('Embedding paddingIdx -1 (the last row)', 4, 2, [[3, 1], [2, 3]], padding_idx=-1)
    emb('Embedding paddingIdx row given a non-zero value', 4, 3, [1, 2, 2], padding_idx=2)

    # --- Residual (ours) ------------------------------------------------------------------------------------------
    inner = quantize_module(nn.Linear(4, 4))
    f.add('Residual Linear(4, 4) + identity', 'Residual',
          {'inner': {'layer': 'Linear', 'args': {'inFeatures': 4, 'outFeatures': 4}}}, ResidualT(inner),
          {'x': qrandn(3, 4)}, k=4 + 4 + 3)
    r2 = quantize_module(ResidualT(nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 4)), nn.Linear(3, 4, bias=False)))
    f.add('Residual MLP + linear projection shortcut', 'Residual',
          {'inner': {'layer': 'MLP', 'args': {'sizes': [3, 5, 4]}},
           'shortcut': {'layer': 'Linear', 'args': {'inFeatures': 3, 'outFeatures': 4, 'bias': False}}}, r2,
          {'x': qrandn(2, 3)}, k=3 + 5 + 5 + 4 + 4 + 2)
    return f
