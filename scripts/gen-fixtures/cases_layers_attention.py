"""Oracle fixtures of @nn/layers' attention group: MultiheadAttention, TransformerEncoderLayer, TransformerEncoder.

Writes packages/layers/test/fixtures/attention.json (entry format and tolerances: layerlib.py); the test is
packages/layers/test/oracle-attention.test.ts.

Every entry's `args` holds the constructor arguments in @nn's camelCase form plus
  "inputNames": the names of `inputs` in call order (the TypeScript run receives the tensors in that order),
  "call": which input plays which role ({"query": "q", "key": "k", "value": "v", "attnMask": "mask", ...};
          self-attention passes one tensor "x" as query, key and value, so its gradient sums all three),
  "forward": the @nn forward options that are not tensors ({"needWeights": false, "isCausal": true, ...}).
"isCausal" entries give PyTorch 1.13 (which has no is_causal) Transformer.generate_square_subsequent_mask(L) as
the attention mask, and @nn `isCausal: true` with no mask: the two must agree.

PyTorch 1.13's bool masks of MultiheadAttention / TransformerEncoderLayer mean True = masked out; float masks are
added to the scores. Masks here never mask a whole row (PyTorch returns NaN there; @nn returns zeros, tested in
attention-masks.test.ts). Dropout is 0 in train mode, or any p in eval mode (the RNGs differ).
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from gradlib import q, qrandn
from layerlib import LayerFixtureFile, quantize_module

SEED = 4040


def causal(n: int) -> torch.Tensor:
    return nn.Transformer.generate_square_subsequent_mask(n)


def k_mha(e_in: int, e: int, heads: int, l: int, s: int, n: int) -> int:
    """Accumulation length of an attention call, forward plus backward.

    forward: in-projection (e_in), scores (head dim), softmax row and weights @ V (s each), out-projection (e),
    head average (heads); backward: the same chains again, plus the sums over positions of the weight gradients.
    """
    forward = e_in + e // heads + 2 * s + e + heads
    return 2 * forward + n * max(l, s)


def k_layer(d: int, heads: int, ff: int, l: int, n: int) -> int:
    """Accumulation length of one encoder layer: attention, two layer norms (rows of d), the feed-forward (d, ff)."""
    return k_mha(d, d, heads, l, l, n) + 2 * (2 * 2 * d + d + ff) + n * l


def bool_mask(shape: tuple[int, ...], p: float, gen: torch.Generator, keep_last: bool = False) -> torch.Tensor:
    """A random bool mask (True = masked out) that never masks a whole last-dim row: column 0 (or the last) stays."""
    m = torch.rand(shape, generator=gen) < p
    if keep_last:
        m[..., -1] = False
    else:
        m[..., 0] = False
    return m


def gen() -> LayerFixtureFile:
    f = LayerFixtureFile('attention.json', 'PyTorch 1.13 MultiheadAttention / TransformerEncoderLayer / TransformerEncoder: '
                         'outputs and gradients wrt inputs and parameters (cases_layers_attention.py)')
    gen_ = torch.Generator().manual_seed(SEED)
    torch.manual_seed(SEED)

    def mha(name: str, *, e: int = 8, heads: int = 2, l: int = 4, s: int = 5, n: int = 3, batch_first: bool = False,
            unbatched: bool = False, kdim: int | None = None, vdim: int | None = None, bias: bool = True,
            dropout: float = 0.0, mode: str = 'eval', self_attn: bool = False, attn_mask: torch.Tensor | None = None,
            kpm: torch.Tensor | None = None, need_weights: bool = True, average: bool = True,
            is_causal: bool = False) -> None:
        m = nn.MultiheadAttention(e, heads, dropout=dropout, bias=bias, batch_first=batch_first, kdim=kdim, vdim=vdim)
        quantize_module(m)
        if bias:
            with torch.no_grad():  # PyTorch zeroes the biases: give them values so their role is tested
                m.in_proj_bias.copy_(qrandn(3 * e, std=0.3))
                m.out_proj.bias.copy_(qrandn(e, std=0.3))
        kd, vd = kdim or e, vdim or e

        def shape(length: int, width: int) -> tuple[int, ...]:
            if unbatched:
                return (length, width)
            return (n, length, width) if batch_first else (length, n, width)

        inputs: dict[str, torch.Tensor] = {}
        call: dict[str, str] = {}
        if self_attn:
            s = l
            inputs['x'] = qrandn(*shape(l, e))
            call.update(query='x', key='x', value='x')
        else:
            inputs['q'] = qrandn(*shape(l, e))
            inputs['k'] = qrandn(*shape(s, kd))
            inputs['v'] = qrandn(*shape(s, vd))
            call.update(query='q', key='k', value='v')
        if kpm is not None:
            inputs['kpm'] = kpm
            call['keyPaddingMask'] = 'kpm'
        if attn_mask is not None:
            inputs['mask'] = attn_mask
            call['attnMask'] = 'mask'
        names = list(inputs)
        if is_causal:
            assert attn_mask is None and l == s
        fwd: dict[str, Any] = {}
        if not need_weights:
            fwd['needWeights'] = False
        if not average:
            fwd['averageAttnWeights'] = False
        if is_causal:
            fwd['isCausal'] = True

        def run(module: nn.Module, a: list[torch.Tensor]) -> Any:
            by = dict(zip(names, a))
            mask = causal(l) if is_causal else by.get(call.get('attnMask', ''))
            return module(by[call['query']], by[call['key']], by[call['value']],
                          key_padding_mask=by.get(call.get('keyPaddingMask', '')), need_weights=need_weights,
                          attn_mask=mask, average_attn_weights=average)

        args: dict[str, Any] = {'embedDim': e, 'numHeads': heads, 'dropout': dropout, 'bias': bias,
                                'batchFirst': batch_first}
        if kdim is not None:
            args['kdim'] = kdim
        if vdim is not None:
            args['vdim'] = vdim
        args.update(inputNames=names, call=call, forward=fwd)
        out_names = ['output', 'weights'] if need_weights else ['output']
        f.add(name, 'MultiheadAttention', args, m, inputs, k=k_mha(max(e, kd, vd), e, heads, l, s, 1 if unbatched else n),
              mode=mode, call=run, output_names=out_names)

    # --- MultiheadAttention -----------------------------------------------------------------------------------------
    mha('MHA self-attention, seq-first [L, N, E], averaged weights', self_attn=True)
    mha('MHA cross-attention L=4, S=5', l=4, s=5)
    mha('MHA self-attention batchFirst [N, L, E]', self_attn=True, batch_first=True)
    mha('MHA cross-attention batchFirst, needWeights false', batch_first=True, need_weights=False)
    mha('MHA 4 heads, per-head weights (averageAttnWeights false)', e=8, heads=4, average=False)
    mha('MHA unbatched [L, E] cross-attention', unbatched=True)
    mha('MHA unbatched with 3-D bool mask [heads, L, S] and key padding [S]', unbatched=True,
        attn_mask=bool_mask((2, 4, 5), 0.4, gen_), kpm=torch.tensor([False, False, True, False, True]))
    mha('MHA kdim 6, vdim 5 (separate q/k/v projection weights)', kdim=6, vdim=5)
    mha('MHA kdim 6 = vdim 6, batchFirst, bool attn mask', kdim=6, vdim=6, batch_first=True,
        attn_mask=bool_mask((4, 5), 0.4, gen_))
    mha('MHA bool attnMask [L, S] (true = masked out)', attn_mask=bool_mask((4, 5), 0.4, gen_))
    mha('MHA 3-D bool attnMask [N*heads, L, S]', attn_mask=bool_mask((6, 4, 5), 0.4, gen_))
    fm = q(torch.randn(4, 5, generator=gen_))
    fm[1, 2] = float('-inf')
    fm[3, 0] = float('-inf')
    mha('MHA float attnMask [L, S] (added, with -inf entries)', attn_mask=fm)
    mha('MHA 3-D float attnMask [N*heads, L, S]', attn_mask=q(torch.randn(6, 4, 5, generator=gen_)))
    mha('MHA keyPaddingMask [N, S] bool', kpm=bool_mask((3, 5), 0.4, gen_))
    mha('MHA keyPaddingMask bool + bool attnMask', kpm=bool_mask((3, 5), 0.3, gen_),
        attn_mask=bool_mask((4, 5), 0.3, gen_, keep_last=True))
    mha('MHA keyPaddingMask bool + float attnMask', kpm=bool_mask((3, 5), 0.3, gen_),
        attn_mask=q(torch.randn(4, 5, generator=gen_)))
    mha('MHA float keyPaddingMask [N, S] (added)', kpm=q(torch.randn(3, 5, generator=gen_)))
    mha('MHA causal self-attention (isCausal vs the subsequent mask)', self_attn=True, is_causal=True)
    mha('MHA causal self-attention batchFirst with key padding', self_attn=True, is_causal=True, batch_first=True,
        kpm=bool_mask((3, 4), 0.3, gen_))
    mha('MHA causal float mask given as attnMask', self_attn=True, attn_mask=causal(4))
    mha('MHA bias false', bias=False, attn_mask=bool_mask((4, 5), 0.3, gen_))
    mha('MHA train mode, dropout 0', mode='train', self_attn=True, kpm=bool_mask((3, 4), 0.3, gen_))
    mha('MHA eval mode ignores dropout 0.5', dropout=0.5, mode='eval')
    mha('MHA single head, E=6', e=6, heads=1, l=3, s=4, n=2)

    # --- TransformerEncoderLayer ------------------------------------------------------------------------------------
    def layer_args(d: int, heads: int, ff: int, dropout: float, activation: str, eps: float, batch_first: bool,
                   norm_first: bool) -> dict[str, Any]:
        return {'dModel': d, 'nhead': heads, 'dimFeedforward': ff, 'dropout': dropout, 'activation': activation,
                'layerNormEps': eps, 'batchFirst': batch_first, 'normFirst': norm_first}

    def perturb(m: nn.Module) -> None:
        """Gives the zeroed biases and unit layer-norm weights values, so that each one's role is tested."""
        with torch.no_grad():
            for key, p in m.named_parameters():
                if key.endswith('bias') or key.endswith('norm1.weight') or key.endswith('norm2.weight') or \
                        key == 'norm.weight':
                    p.add_(qrandn(*p.shape, std=0.2))

    def encoder(name: str, layer: str, *, d: int = 8, heads: int = 2, ff: int = 16, l: int = 5, n: int = 2,
                dropout: float = 0.1, activation: str = 'relu', eps: float = 1e-5, batch_first: bool = False,
                norm_first: bool = False, unbatched: bool = False, mode: str = 'eval', mask: torch.Tensor | None = None,
                kpm: torch.Tensor | None = None, is_causal: bool = False, num_layers: int = 2,
                final_norm: bool = True) -> None:
        cfg = layer_args(d, heads, ff, dropout, activation, eps, batch_first, norm_first)
        base = nn.TransformerEncoderLayer(d, heads, dim_feedforward=ff, dropout=dropout, activation=activation,
                                          layer_norm_eps=eps, batch_first=batch_first, norm_first=norm_first)
        if layer == 'TransformerEncoder':
            m: nn.Module = nn.TransformerEncoder(base, num_layers, norm=nn.LayerNorm(d, eps=eps) if final_norm else None,
                                                 enable_nested_tensor=False)
            args: dict[str, Any] = {'layer': cfg, 'numLayers': num_layers, 'norm': final_norm}
            mask_role, n_layers = 'mask', num_layers
        else:
            m = base
            args = dict(cfg)
            mask_role, n_layers = 'srcMask', 1
        quantize_module(m)
        perturb(m)  # after the deep copies: the layers of an encoder differ, which catches shared weights
        quantize_module(m)
        shape = (l, d) if unbatched else ((n, l, d) if batch_first else (l, n, d))
        inputs: dict[str, torch.Tensor] = {'src': qrandn(*shape)}
        call = {'src': 'src'}
        if mask is not None:
            inputs['mask'] = mask
            call[mask_role] = 'mask'
        if kpm is not None:
            inputs['kpm'] = kpm
            call['srcKeyPaddingMask'] = 'kpm'
        names = list(inputs)
        fwd = {'isCausal': True} if is_causal else {}
        args.update(inputNames=names, call=call, forward=fwd)

        def run(module: nn.Module, a: list[torch.Tensor]) -> Any:
            by = dict(zip(names, a))
            msk = causal(l) if is_causal else by.get('mask')
            if layer == 'TransformerEncoder':
                return module(by['src'], mask=msk, src_key_padding_mask=by.get('kpm'))
            return module(by['src'], src_mask=msk, src_key_padding_mask=by.get('kpm'))

        k = n_layers * k_layer(d, heads, ff, l, 1 if unbatched else n) + (4 * d if final_norm else 0)
        f.add(name, layer, args, m, inputs, k=k, mode=mode, call=run)

    TEL = 'TransformerEncoderLayer'
    encoder('encoder layer post-norm relu, eval (dropout 0.1 off)', TEL)
    encoder('encoder layer pre-norm relu, train dropout 0', TEL, norm_first=True, mode='train', dropout=0.0)
    encoder('encoder layer post-norm gelu, batchFirst', TEL, activation='gelu', batch_first=True)
    encoder('encoder layer pre-norm gelu, batchFirst, bool srcMask', TEL, activation='gelu', batch_first=True,
            norm_first=True, mask=bool_mask((5, 5), 0.3, gen_))
    encoder('encoder layer post-norm, causal float srcMask + bool key padding', TEL, mask=causal(5),
            kpm=bool_mask((2, 5), 0.3, gen_))
    encoder('encoder layer pre-norm, isCausal', TEL, norm_first=True, is_causal=True)
    encoder('encoder layer unbatched [L, E], post-norm, layerNormEps 1e-3', TEL, unbatched=True, eps=1e-3)
    encoder('encoder layer 4 heads, dimFeedforward 24, float srcMask', TEL, heads=4, ff=24,
            mask=q(torch.randn(5, 5, generator=gen_)))

    # --- TransformerEncoder -----------------------------------------------------------------------------------------
    TE = 'TransformerEncoder'
    encoder('encoder 2 layers post-norm + final LayerNorm', TE)
    encoder('encoder 2 layers pre-norm + final LayerNorm, batchFirst, key padding', TE, norm_first=True,
            batch_first=True, kpm=bool_mask((2, 5), 0.3, gen_))
    encoder('encoder 2 layers gelu, isCausal, no final norm, train dropout 0', TE, activation='gelu', is_causal=True,
            final_norm=False, mode='train', dropout=0.0)
    encoder('encoder 3 layers post-norm, causal mask + key padding, final norm', TE, num_layers=3, mask=causal(5),
            kpm=bool_mask((2, 5), 0.3, gen_))
    return f


__all__ = ['gen']
