// TransformerEncoderLayer and TransformerEncoder: PyTorch's keys and structure, clone() (copies,
// no shared weights, no random draws), dropout modes, activations, padded batches, memory,
// generateSquareSubsequentMask and argument validation.
import { backward } from '@nn/autograd';
import {
  add,
  ArgumentError,
  defaultGenerator,
  DTypeError,
  Generator,
  getBackend,
  manualSeed,
  mul,
  narrow,
  randn,
  ShapeError,
  sum,
  tensor,
  tidy,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { generateSquareSubsequentMask, LayerNorm, TransformerEncoder, TransformerEncoderLayer } from '../src/index.js';
import { withGrad } from './support/grad.js';
import { noLeak } from './support/leaks.js';

const values = (t: Tensor | null): number[] => Array.from(t!.dataSync());
const LAYER_KEYS: [string, number[]][] = [
  ['self_attn.in_proj_weight', [24, 8]],
  ['self_attn.in_proj_bias', [24]],
  ['self_attn.out_proj.weight', [8, 8]],
  ['self_attn.out_proj.bias', [8]],
  ['linear1.weight', [16, 8]],
  ['linear1.bias', [16]],
  ['linear2.weight', [8, 16]],
  ['linear2.bias', [8]],
  ['norm1.weight', [8]],
  ['norm1.bias', [8]],
  ['norm2.weight', [8]],
  ['norm2.bias', [8]],
];

describe('TransformerEncoderLayer: structure', () => {
  it("has PyTorch's keys, shapes, order, sub-modules and parameter count", () => {
    const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16 });
    expect(Object.entries(layer.stateDict()).map(([k, t]) => [k, t.shape])).toEqual(LAYER_KEYS);
    expect(layer.namedModules().map(([k]) => k)).toEqual([
      '',
      'self_attn',
      'self_attn.out_proj',
      'linear1',
      'dropout',
      'linear2',
      'norm1',
      'norm2',
      'dropout1',
      'dropout2',
    ]);
    expect(layer.parameters().reduce((n, p) => n + p.value.size, 0)).toBe(600); // PyTorch's count
    expect(layer.selfAttn.dropout).toBe(0.1);
    expect(layer.dropout.p).toBe(0.1);
    layer.dispose();
  });

  it('bias: false removes every bias, as PyTorch ≥ 2.1', () => {
    const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16, bias: false });
    expect(Object.keys(layer.stateDict())).toEqual([
      'self_attn.in_proj_weight',
      'self_attn.out_proj.weight',
      'linear1.weight',
      'linear2.weight',
      'norm1.weight',
      'norm2.weight',
    ]);
    noLeak(() => expect(layer.call(randn([3, 2, 8])).shape).toEqual([3, 2, 8]));
    layer.dispose();
  });

  it('defaults: dimFeedforward 2048, dropout 0.1, relu, post-norm, seq-first', () => {
    const layer = new TransformerEncoderLayer(4, 2);
    expect([layer.dimFeedforward, layer.normFirst, layer.batchFirst]).toEqual([2048, false, false]);
    expect(layer.linear1.weight.shape).toEqual([2048, 4]);
    layer.dispose();
  });
});

describe('TransformerEncoderLayer: behaviour', () => {
  it('uses the activation: relu and gelu differ; a custom function is called', () => {
    noLeak(() => {
      const seen: number[][] = [];
      const zero = (x: Tensor): Tensor => {
        seen.push([...x.shape]);
        return mul(x, 0);
      };
      const make = (activation: 'relu' | 'gelu' | ((x: Tensor) => Tensor)): TransformerEncoderLayer =>
        new TransformerEncoderLayer(8, 2, { dimFeedforward: 16, activation, generator: new Generator(3) }).eval();
      const [r, gl, z] = [make('relu'), make('gelu'), make(zero)];
      const x = randn([5, 2, 8], { generator: new Generator(4) });
      const outR = values(r.call(x));
      expect(outR).not.toEqual(values(gl.call(x)));
      // with a zero activation (and no linear2 bias) the feed-forward block adds nothing
      z.linear2.bias!.assign(zeros([8]));
      const outZ = z.call(x);
      expect(seen).toEqual([[5, 2, 16]]);
      const attnOnly = values(z.norm2.call(z.norm1.call(add(x, z.selfAttn.call(x, x, x, { needWeights: false })[0]))));
      values(outZ).forEach((v, i) => expect(v).toBeCloseTo(attnOnly[i]!, 5));
      for (const m of [r, gl, z]) m.dispose();
    });
  });

  it('dropout is active in training only', () => {
    noLeak(() => {
      const layer = new TransformerEncoderLayer(8, 2, {
        dimFeedforward: 16,
        dropout: 0.5,
        generator: new Generator(5),
      });
      const x = randn([4, 2, 8], { generator: new Generator(6) });
      const t1 = values(layer.call(x));
      const t2 = values(layer.call(x));
      expect(t1).not.toEqual(t2);
      layer.eval();
      expect(values(layer.call(x))).toEqual(values(layer.call(x)));
      layer.dispose();
    });
  });

  it('a fully padded sequence gives finite outputs and gradients (PyTorch 1.13: NaN)', () => {
    const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16, dropout: 0, batchFirst: true });
    const x = randn([2, 4, 8]);
    const pad = tensor([
      [true, true, true, true],
      [false, false, true, true],
    ]);
    const before = getBackend().numDataIds();
    withGrad(() => {
      tidy(() => {
        const out = layer.call(x, { srcKeyPaddingMask: pad });
        expect(values(out).every(Number.isFinite)).toBe(true);
        backward(sum(narrow(out, 0, 1, 1)));
        expect(layer.parameters().every((p) => values(p.grad).every(Number.isFinite))).toBe(true);
      });
    });
    layer.zeroGrad();
    expect(getBackend().numDataIds()).toBe(before);
    layer.dispose();
  });

  it('pre-norm and post-norm differ; isCausal equals the subsequent mask', () => {
    noLeak(() => {
      const post = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16, generator: new Generator(7) }).eval();
      const pre = new TransformerEncoderLayer(8, 2, {
        dimFeedforward: 16,
        normFirst: true,
        generator: new Generator(7),
      }).eval();
      const x = randn([5, 2, 8], { generator: new Generator(8) });
      expect(values(post.call(x))).not.toEqual(values(pre.call(x)));
      expect(values(pre.call(x, { isCausal: true }))).toEqual(
        values(pre.call(x, { srcMask: generateSquareSubsequentMask(5) })),
      );
      post.dispose();
      pre.dispose();
    });
  });

  it('rejects bad arguments', () => {
    const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16 });
    expect(() => new TransformerEncoderLayer(8, 3)).toThrow(ArgumentError);
    expect(() => new TransformerEncoderLayer(8, 2, { activation: 'tanh' as 'relu' })).toThrow(ArgumentError);
    expect(() => new TransformerEncoderLayer(8, 2, { dropout: -0.1 })).toThrow(ArgumentError);
    expect(() => new TransformerEncoderLayer(8, 2, { dimFeedforward: 0 })).toThrow(ArgumentError);
    expect(() => new TransformerEncoderLayer(8, 2, { nheads: 2 } as never)).toThrow(ArgumentError);
    expect(() => layer.call(zeros([5, 2, 6]))).toThrow(ShapeError);
    expect(() => layer.call(zeros([8]))).toThrow(ShapeError);
    expect(() => layer.call(zeros([5, 2, 8], { dtype: 'float64' }))).toThrow(DTypeError);
    expect(() => layer.call(zeros([5, 2, 8]), { srcMask: zeros([4, 4]) })).toThrow(ShapeError);
    expect(() => layer.call(zeros([5, 2, 8]), { srcKeyPaddingMask: zeros([5, 2]) })).toThrow(ShapeError);
    expect(() => layer.call(zeros([5, 2, 8]), { mask: zeros([5, 5]) } as never)).toThrow(ArgumentError);
    expect(() => layer.call(zeros([5, 2, 8]), { srcMask: zeros([4, 4]) })).toThrow(
      expect.objectContaining({ op: 'TransformerEncoderLayer.forward', arg: 'srcMask' }),
    );
    expect(() => layer.call(zeros([5, 2, 8]), { srcMask: zeros([5, 5], { dtype: 'int32' }) })).toThrow(DTypeError);
    layer.dispose();
  });
});

describe('TransformerEncoderLayer.clone and TransformerEncoder', () => {
  it('clone copies configuration, weights, mode and dtype, shares nothing and draws no random numbers', () => {
    manualSeed(21);
    const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16, normFirst: true, activation: 'gelu' })
      .to('float64')
      .eval();
    const state = defaultGenerator().getState();
    const copy = layer.clone();
    expect(Array.from(defaultGenerator().getState())).toEqual(Array.from(state));
    expect([copy.normFirst, copy.training, copy.linear1.weight.dtype, copy.dimFeedforward]).toEqual([
      true,
      false,
      'float64',
      16,
    ]);
    const a = layer.stateDict();
    for (const [k, t] of Object.entries(copy.stateDict())) {
      expect(t).not.toBe(a[k]);
      expect(values(t)).toEqual(values(a[k]!));
    }
    noLeak(() => {
      const x = randn([3, 2, 8], { dtype: 'float64' });
      expect(values(copy.call(x))).toEqual(values(layer.call(x)));
    });
    layer.dispose();
    copy.dispose();
  });

  it("stacks independent copies under PyTorch's keys, with a final norm", () => {
    const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16 });
    const encoder = new TransformerEncoder(layer, 2, { norm: new LayerNorm(8), enableNestedTensor: false });
    expect(Object.keys(encoder.stateDict())).toEqual([
      ...LAYER_KEYS.map(([k]) => `layers.0.${k}`),
      ...LAYER_KEYS.map(([k]) => `layers.1.${k}`),
      'norm.weight',
      'norm.bias',
    ]);
    expect(
      encoder
        .namedModules()
        .map(([k]) => k)
        .slice(0, 3),
    ).toEqual(['', 'layers', 'layers.0']);
    const [l0, l1] = [encoder.layers[0]!, encoder.layers[1]!];
    expect(values(l0.linear1.weight.value)).toEqual(values(layer.linear1.weight.value));
    expect(values(l1.linear1.weight.value)).toEqual(values(layer.linear1.weight.value));
    expect(l0.linear1.weight).not.toBe(l1.linear1.weight);
    l0.linear1.weight.assign(zeros([16, 8]));
    expect(values(l1.linear1.weight.value).some((v) => v !== 0)).toBe(true);
    expect(encoder.parameters()).not.toContain(layer.linear1.weight);
    layer.dispose();
    noLeak(() =>
      expect(encoder.call(randn([5, 3, 8]), { mask: generateSquareSubsequentMask(5) }).shape).toEqual([5, 3, 8]),
    );
    encoder.dispose();
  });

  it('applies every layer then the norm', () => {
    noLeak(() => {
      const layer = new TransformerEncoderLayer(8, 2, {
        dimFeedforward: 16,
        batchFirst: true,
        generator: new Generator(9),
      });
      const encoder = new TransformerEncoder(layer, 3, { norm: new LayerNorm(8) }).eval();
      layer.dispose();
      const x = randn([2, 5, 8], { generator: new Generator(10) });
      const pad = tensor([
        [false, false, false, true, true],
        [false, false, false, false, false],
      ]);
      let manual = x;
      for (const l of encoder.layers) manual = l.call(manual, { srcKeyPaddingMask: pad, isCausal: true });
      manual = encoder.norm!.call(manual);
      expect(values(encoder.call(x, { srcKeyPaddingMask: pad, isCausal: true }))).toEqual(values(manual));
      encoder.dispose();
    });
  });

  it('rejects bad arguments', () => {
    const layer = new TransformerEncoderLayer(8, 2, { dimFeedforward: 16 });
    expect(() => new TransformerEncoder(new LayerNorm(8) as never, 2)).toThrow(ArgumentError);
    expect(() => new TransformerEncoder(layer, 0)).toThrow(ArgumentError);
    expect(() => new TransformerEncoder(layer, 2, { norm: 'layer' as never })).toThrow(ArgumentError);
    expect(() => new TransformerEncoder(layer, 2, { final: null } as never)).toThrow(ArgumentError);
    const encoder = new TransformerEncoder(layer, 1);
    expect(() => encoder.call(zeros([5, 2, 8]), { mask: zeros([3, 3]) })).toThrow(
      expect.objectContaining({ op: 'TransformerEncoder.forward', arg: 'mask' }),
    );
    expect(() => encoder.call(zeros([5, 2, 8]), { srcKeyPaddingMask: zeros([5, 2]) })).toThrow(ShapeError);
    expect(() => encoder.call(zeros([5, 2, 4]))).toThrow(
      expect.objectContaining({ op: 'TransformerEncoder.forward', arg: 'src' }),
    );
    encoder.dispose();
    layer.dispose();
  });
});

describe('generateSquareSubsequentMask', () => {
  it("is PyTorch's float mask: 0 on and below the diagonal, −∞ above", () => {
    noLeak(() => {
      const m = generateSquareSubsequentMask(4);
      expect(m.dtype).toBe('float32');
      expect(m.toArray()).toEqual([
        [0, -Infinity, -Infinity, -Infinity],
        [0, 0, -Infinity, -Infinity],
        [0, 0, 0, -Infinity],
        [0, 0, 0, 0],
      ]);
      expect(generateSquareSubsequentMask(0).shape).toEqual([0, 0]);
    });
    expect(() => generateSquareSubsequentMask(1.5)).toThrow(ArgumentError);
    expect(() => generateSquareSubsequentMask(2, { dtype: 'int32' as never })).toThrow(DTypeError);
  });
});
