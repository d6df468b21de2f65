// gradcheck (float64, central differences against the analytic gradient) through the attention
// group: scaledDotProductAttention, multiHeadAttentionForward with every parameter as an input,
// and the MultiheadAttention / TransformerEncoderLayer / TransformerEncoder modules wrt their input
// and every parameter. Tiny sizes: E = 4, 2 heads, L = 3.
import { gradcheck } from '@nn/autograd';
import { cat, clone, Generator, randn, reshape, tensor, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { multiHeadAttentionForward, scaledDotProductAttention } from '../src/functional/index.js';
import {
  LayerNorm,
  MultiheadAttention,
  TransformerEncoder,
  TransformerEncoderLayer,
  type Module,
} from '../src/index.js';
import { noLeak } from './support/leaks.js';

const f64 = (shape: number[], g: Generator, scale = 1): Tensor => {
  const x = randn(shape, { dtype: 'float64', generator: g });
  const values = Array.from(x.dataSync(), (v) => v * scale);
  x.dispose();
  return tensor(values, { shape, dtype: 'float64' });
};

const flat = (...ts: (Tensor | null)[]): Tensor =>
  cat(ts.filter((t): t is Tensor => t !== null).map((t) => reshape(t, [-1])));

/**
 * gradcheck of `run(module, xs)` wrt `xs` and every parameter: each parameter's value is replaced
 * (through a differentiable `clone`) by the checked input of the same shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function checkModule(module: Module<any[], unknown>, xs: Tensor[], run: (xs: Tensor[]) => Tensor): boolean {
  const params = module.parameters();
  const inputs = [...xs, ...params.map((p) => clone(p.value))];
  return gradcheck(
    (...args: Tensor[]) => {
      params.forEach((p, i) => p.assign(clone(args[xs.length + i]!)));
      return run(args.slice(0, xs.length));
    },
    inputs,
    { atol: 1e-6, rtol: 1e-4 },
  );
}

describe('gradcheck: functional attention', () => {
  it('scaledDotProductAttention with a float mask, wrt q, k, v and the mask', () => {
    noLeak(() => {
      const g = new Generator(1);
      const [q, k, v, m] = [f64([2, 3, 4], g), f64([2, 3, 4], g), f64([2, 3, 2], g), f64([3, 3], g)];
      expect(gradcheck((a, b, c, d) => scaledDotProductAttention(a, b, c, { attnMask: d }), [q, k, v, m])).toBe(true);
    });
  });

  it('scaledDotProductAttention causal, custom scale, with a fully masked row (zero rows pass zero gradients)', () => {
    noLeak(() => {
      const g = new Generator(2);
      const [q, k, v] = [f64([1, 2, 3, 4], g), f64([1, 2, 3, 4], g), f64([1, 2, 3, 4], g)];
      const allow = tensor([
        [false, false, false],
        [true, false, true],
        [true, true, true],
      ]);
      expect(
        gradcheck((a, b, c) => scaledDotProductAttention(a, b, c, { isCausal: true, scale: 0.7 }), [q, k, v]),
      ).toBe(true);
      expect(gradcheck((a, b, c) => scaledDotProductAttention(a, b, c, { attnMask: allow }), [q, k, v])).toBe(true);
    });
  });

  it('multiHeadAttentionForward wrt inputs and every parameter, with masks, weights per head', () => {
    noLeak(() => {
      const g = new Generator(3);
      const e = 4;
      const q = f64([3, 2, e], g);
      const k = f64([3, 2, e], g);
      const v = f64([3, 2, e], g);
      const inW = f64([3 * e, e], g, 0.5);
      const inB = f64([3 * e], g, 0.1);
      const outW = f64([e, e], g, 0.5);
      const outB = f64([e], g, 0.1);
      const attnMask = f64([3, 3], g);
      const keyPaddingMask = tensor([
        [false, false, true],
        [false, false, false],
      ]);
      const f = (...a: Tensor[]): Tensor => {
        const [out, w] = multiHeadAttentionForward(a[0]!, a[1]!, a[2]!, {
          numHeads: 2,
          inProjWeight: a[3],
          inProjBias: a[4],
          outProjWeight: a[5]!,
          outProjBias: a[6],
          attnMask: a[7],
          keyPaddingMask,
          averageAttnWeights: false,
        });
        return flat(out, w);
      };
      expect(gradcheck(f, [q, k, v, inW, inB, outW, outB, attnMask], { atol: 1e-6, rtol: 1e-4 })).toBe(true);
    });
  });
});

describe('gradcheck: attention modules (float64)', () => {
  it('MultiheadAttention self-attention wrt the input and every parameter', () => {
    noLeak(() => {
      const mha = new MultiheadAttention(4, 2, { generator: new Generator(4) }).to('float64').eval();
      const x = f64([3, 2, 4], new Generator(5));
      expect(checkModule(mha, [x], ([a]) => flat(...mha.call(a!, a!, a!)))).toBe(true);
      mha.dispose();
    });
  });

  it('MultiheadAttention cross-attention with kdim/vdim, batchFirst, causal', () => {
    noLeak(() => {
      const mha = new MultiheadAttention(4, 2, { kdim: 3, vdim: 2, batchFirst: true, generator: new Generator(6) }).to(
        'float64',
      );
      const g = new Generator(7);
      const [q, k, v] = [f64([2, 3, 4], g), f64([2, 3, 3], g), f64([2, 3, 2], g)];
      expect(checkModule(mha, [q, k, v], ([a, b, c]) => flat(...mha.call(a!, b!, c!, { isCausal: true })))).toBe(true);
      mha.dispose();
    });
  });

  it('TransformerEncoderLayer post-norm relu and pre-norm gelu, with a key padding mask', () => {
    noLeak(() => {
      for (const [normFirst, activation] of [
        [false, 'relu'],
        [true, 'gelu'],
      ] as const) {
        const layer = new TransformerEncoderLayer(4, 2, {
          dimFeedforward: 6,
          dropout: 0,
          activation,
          normFirst,
          generator: new Generator(8),
        }).to('float64');
        const x = f64([3, 2, 4], new Generator(9));
        const srcKeyPaddingMask = tensor([
          [false, true, false],
          [false, false, false],
        ]);
        expect(checkModule(layer, [x], ([a]) => layer.call(a!, { srcKeyPaddingMask }))).toBe(true);
        layer.dispose();
      }
    });
  });

  it('TransformerEncoder of 2 layers with a final norm, causal', () => {
    noLeak(() => {
      const layer = new TransformerEncoderLayer(4, 2, {
        dimFeedforward: 5,
        dropout: 0,
        batchFirst: true,
        generator: new Generator(10),
      });
      const encoder = new TransformerEncoder(layer, 2, { norm: new LayerNorm(4) }).to('float64');
      layer.dispose();
      const x = f64([1, 3, 4], new Generator(11));
      expect(checkModule(encoder, [x], ([a]) => encoder.call(a!, { isCausal: true }))).toBe(true);
      encoder.dispose();
    });
  });
});
