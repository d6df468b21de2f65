// MultiheadAttention: PyTorch's state-dict keys, shapes and initialisation, the mask conventions
// (bool true = masked out; float added; isCausal), zero rows for fully masked queries, layouts
// (batchFirst, unbatched), dropout, memory, and argument validation.
import { backward } from '@nn/autograd';
import {
  ArgumentError,
  DTypeError,
  Generator,
  getBackend,
  add,
  maskedFill,
  narrow,
  reshape,
  randn,
  ShapeError,
  squeeze,
  sum,
  tensor,
  tidy,
  transpose,
  unsqueeze,
  Variable,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { generateSquareSubsequentMask, MultiheadAttention } from '../src/index.js';
import { withGrad } from './support/grad.js';
import { noLeak } from './support/leaks.js';

const keysAndShapes = (m: MultiheadAttention): [string, readonly number[]][] =>
  Object.entries(m.stateDict()).map(([k, t]) => [k, t.shape]);
const values = (t: Tensor | null): number[] => Array.from(t!.dataSync());

function expectClose(a: Tensor | null, b: Tensor | null, tol = 1e-6): void {
  const x = values(a);
  const y = values(b);
  expect(x.length).toBe(y.length);
  x.forEach((v, i) => expect(Math.abs(v - y[i]!)).toBeLessThanOrEqual(tol));
}

describe('MultiheadAttention: parameters', () => {
  it("has PyTorch's keys, shapes and order (packed, separate kdim/vdim, no bias)", () => {
    const packed = new MultiheadAttention(8, 2);
    expect(keysAndShapes(packed)).toEqual([
      ['in_proj_weight', [24, 8]],
      ['in_proj_bias', [24]],
      ['out_proj.weight', [8, 8]],
      ['out_proj.bias', [8]],
    ]);
    const separate = new MultiheadAttention(8, 2, { kdim: 6, vdim: 5 });
    expect(keysAndShapes(separate)).toEqual([
      ['q_proj_weight', [8, 8]],
      ['k_proj_weight', [8, 6]],
      ['v_proj_weight', [8, 5]],
      ['in_proj_bias', [24]],
      ['out_proj.weight', [8, 8]],
      ['out_proj.bias', [8]],
    ]);
    const noBias = new MultiheadAttention(8, 2, { bias: false });
    expect(keysAndShapes(noBias)).toEqual([
      ['in_proj_weight', [24, 8]],
      ['out_proj.weight', [8, 8]],
    ]);
    expect(packed.headDim).toBe(4);
    for (const m of [packed, separate, noBias]) m.dispose();
  });

  it('initialises as PyTorch: xavier-uniform input projection, zero biases, Linear-default out_proj.weight', () => {
    const m = new MultiheadAttention(16, 4, { generator: new Generator(1) });
    const inW = values(m.inProjWeight!.value);
    const xavier = Math.sqrt(6 / (16 + 48));
    expect(Math.max(...inW.map(Math.abs))).toBeLessThanOrEqual(xavier);
    expect(Math.max(...inW.map(Math.abs))).toBeGreaterThan(0.9 * xavier);
    const outW = values(m.outProj.weight.value);
    expect(Math.max(...outW.map(Math.abs))).toBeLessThanOrEqual(1 / 4);
    expect(Math.max(...outW.map(Math.abs))).toBeGreaterThan(0.2);
    expect(values(m.inProjBias!.value).every((v) => v === 0)).toBe(true);
    expect(values(m.outProj.bias!.value).every((v) => v === 0)).toBe(true);
    const same = new MultiheadAttention(16, 4, { generator: new Generator(1) });
    expect(values(same.inProjWeight!.value)).toEqual(inW);
    expect(new MultiheadAttention(4, 2, { dtype: 'float64' }).inProjWeight!.dtype).toBe('float64');
    m.dispose();
    same.dispose();
  });
});

describe('MultiheadAttention: masks', () => {
  const g = new Generator(2);
  const mha = new MultiheadAttention(8, 2, { generator: g });
  for (const v of [mha.inProjBias!, mha.outProj.bias!]) v.assign(randn(v.shape, { generator: g }));
  const q = randn([4, 3, 8], { generator: g });
  const kv = randn([5, 3, 8], { generator: g });

  it('bool attnMask: true = masked out, the same as a float mask with −∞ there', () => {
    noLeak(() => {
      const blocked = tensor([
        [false, true, false, false, true],
        [true, false, false, false, false],
        [false, false, false, true, true],
        [false, false, false, false, false],
      ]);
      const asFloat = maskedFill(zeros([4, 5]), blocked, -Infinity);
      const [a, wa] = mha.call(q, kv, kv, { attnMask: blocked });
      const [b, wb] = mha.call(q, kv, kv, { attnMask: asFloat });
      expectClose(a, b, 0);
      expectClose(wa, wb, 0);
      // blocked keys get exactly zero weight
      const w = wa!.toArray() as number[][][];
      expect(w[1]![0]![1]).toBe(0);
      expect(w[2]![2]![4]).toBe(0);
    });
  });

  it('keyPaddingMask: bool true = padding; a float one is added', () => {
    noLeak(() => {
      const pad = tensor([
        [false, false, false, true, true],
        [false, false, false, false, false],
        [true, false, false, false, false],
      ]);
      const [a, wa] = mha.call(q, kv, kv, { keyPaddingMask: pad });
      const [b] = mha.call(q, kv, kv, { keyPaddingMask: maskedFill(zeros([3, 5]), pad, -Infinity) });
      expectClose(a, b, 0);
      const w = wa!.toArray() as number[][][];
      expect(w[0]!.every((row) => row[3] === 0 && row[4] === 0)).toBe(true);
      expect(w[2]!.every((row) => row[0] === 0)).toBe(true);
      // padding a sequence's keys equals attending to its unpadded keys only
      const [trimmed] = mha.call(
        narrow(q, 1, 0, 1),
        narrow(narrow(kv, 1, 0, 1), 0, 0, 3),
        narrow(narrow(kv, 1, 0, 1), 0, 0, 3),
      );
      expectClose(narrow(a, 1, 0, 1), trimmed, 1e-6);
    });
  });

  it('isCausal equals the subsequent mask, and combines with another mask', () => {
    noLeak(() => {
      const x = randn([5, 3, 8], { generator: new Generator(3) });
      const causal = generateSquareSubsequentMask(5);
      expectClose(mha.call(x, x, x, { isCausal: true })[0], mha.call(x, x, x, { attnMask: causal })[0], 0);
      const extra = randn([5, 5], { generator: new Generator(4) });
      const both = mha.call(x, x, x, { isCausal: true, attnMask: extra })[0];
      expectClose(both, mha.call(x, x, x, { attnMask: add(causal, extra) })[0], 1e-6);
    });
  });

  it('a query whose keys are all masked attends to nothing: zero weights, output = out_proj.bias, finite gradients', () => {
    noLeak(() => {
      withGrad(() => {
        const x = new Variable(randn([4, 3, 8], { generator: new Generator(5) }));
        const pad = tensor([
          [true, true, true, true],
          [false, false, true, false],
          [false, false, false, false],
        ]);
        const [out, w] = mha.call(x.value, x.value, x.value, { keyPaddingMask: pad });
        expect(values(w).every(Number.isFinite)).toBe(true);
        expect((w!.toArray() as number[][][])[0]!.flat().every((v) => v === 0)).toBe(true);
        const first = reshape(narrow(out, 1, 0, 1), [4, 8]);
        const bias = values(mha.outProj.bias!.value);
        (first.toArray() as number[][]).forEach((row) => row.forEach((v, j) => expect(v).toBeCloseTo(bias[j]!, 6)));
        backward(sum(out));
        expect(values(x.grad).every(Number.isFinite)).toBe(true);
        expect(values(mha.inProjWeight!.grad).every(Number.isFinite)).toBe(true);
        x.dispose();
        mha.zeroGrad();
      });
    });
  });
});

describe('MultiheadAttention: layouts, weights and modes', () => {
  it('batchFirst gives the transposed result; unbatched equals a batch of one', () => {
    noLeak(() => {
      const seq = new MultiheadAttention(8, 4, { generator: new Generator(6) });
      const bf = new MultiheadAttention(8, 4, { batchFirst: true, generator: new Generator(7) });
      bf.loadStateDict(seq.stateDict());
      const q = randn([4, 2, 8], { generator: new Generator(8) });
      const k = randn([6, 2, 8], { generator: new Generator(9) });
      const [a, wa] = seq.call(q, k, k);
      const [b, wb] = bf.call(transpose(q, 0, 1), transpose(k, 0, 1), transpose(k, 0, 1));
      expectClose(transpose(a, 0, 1), b, 1e-6);
      expectClose(wa, wb, 1e-6);
      const k1 = reshape(narrow(k, 1, 1, 1), [6, 8]);
      const [u, wu] = seq.call(reshape(narrow(q, 1, 1, 1), [4, 8]), k1, k1, {
        averageAttnWeights: false,
      });
      const [n1, wn1] = seq.call(narrow(q, 1, 1, 1), narrow(k, 1, 1, 1), narrow(k, 1, 1, 1), {
        averageAttnWeights: false,
      });
      expect(u.shape).toEqual([4, 8]);
      expect(wu!.shape).toEqual([4, 4, 6]);
      expectClose(unsqueeze(u, 1), n1, 1e-6);
      expectClose(wu, squeeze(wn1!, 0), 1e-6);
      seq.dispose();
      bf.dispose();
    });
  });

  it('weights: averaged [N, L, S] rows sum to 1; per head [N, heads, L, S]; null without needWeights', () => {
    noLeak(() => {
      const m = new MultiheadAttention(6, 3, { kdim: 4, vdim: 2, generator: new Generator(10) });
      const q = randn([2, 5, 6]);
      const k = randn([3, 5, 4]);
      const v = randn([3, 5, 2]);
      const [out, w] = m.call(q, k, v);
      expect(out.shape).toEqual([2, 5, 6]);
      expect(w!.shape).toEqual([5, 2, 3]);
      (sum(w!, -1).toArray() as number[][]).flat().forEach((s) => expect(s).toBeCloseTo(1, 6));
      expect(m.call(q, k, v, { averageAttnWeights: false })[1]!.shape).toEqual([5, 3, 2, 3]);
      expect(m.call(q, k, v, { needWeights: false })[1]).toBeNull();
      m.dispose();
    });
  });

  it('dropout acts in training only, reproducibly with a generator', () => {
    noLeak(() => {
      const make = (): MultiheadAttention =>
        new MultiheadAttention(8, 2, { dropout: 0.5, generator: new Generator(11) });
      const a = make();
      const b = make();
      const x = randn([4, 2, 8], { generator: new Generator(12) });
      const [ta] = a.call(x, x, x);
      const [tb] = b.call(x, x, x);
      expect(values(ta)).toEqual(values(tb));
      const [ea] = a.eval().call(x, x, x);
      const [eb] = a.call(x, x, x);
      expect(values(ea)).toEqual(values(eb));
      expect(values(ea)).not.toEqual(values(ta));
      a.dispose();
      b.dispose();
    });
  });

  it('leaves no tensor behind after forward and backward', () => {
    const m = new MultiheadAttention(8, 2);
    const x = randn([3, 2, 8]);
    const pad = tensor([
      [false, true, false],
      [false, false, false],
    ]);
    const before = getBackend().numDataIds();
    withGrad(() => {
      tidy(() => {
        const [out, w] = m.call(x, x, x, { keyPaddingMask: pad, attnMask: generateSquareSubsequentMask(3) });
        backward(add(sum(out), sum(w!)));
      });
    });
    m.zeroGrad();
    expect(getBackend().numDataIds()).toBe(before);
    m.dispose();
  });
});

describe('MultiheadAttention: validation', () => {
  const m = new MultiheadAttention(8, 2, { kdim: 6 });
  const q = zeros([4, 3, 8]);
  const k = zeros([5, 3, 6]);
  const v = zeros([5, 3, 8]);

  it('rejects bad constructor arguments', () => {
    expect(() => new MultiheadAttention(8, 3)).toThrow(ArgumentError);
    expect(() => new MultiheadAttention(0, 1)).toThrow(ArgumentError);
    expect(() => new MultiheadAttention(8, 2, { dropout: 1.2 })).toThrow(ArgumentError);
    expect(() => new MultiheadAttention(8, 2, { addBiasKV: true })).toThrow(ArgumentError);
    expect(() => new MultiheadAttention(8, 2, { addZeroAttn: true })).toThrow(ArgumentError);
    expect(() => new MultiheadAttention(8, 2, { kdim: 0 })).toThrow(ArgumentError);
    expect(() => new MultiheadAttention(8, 2, { heads: 2 } as never)).toThrow(ArgumentError);
    expect(() => new MultiheadAttention(8, 2, { dtype: 'int32' as never })).toThrow(DTypeError);
  });

  it('rejects inputs of the wrong rank, size or dtype', () => {
    expect(() => m.call(zeros([8]), k, v)).toThrow(ShapeError);
    expect(() => m.call(q, zeros([5, 3, 8]), v)).toThrow(ShapeError);
    expect(() => m.call(q, k, zeros([5, 3, 6]))).toThrow(ShapeError);
    expect(() => m.call(q, k, zeros([4, 3, 8]))).toThrow(ShapeError);
    expect(() => m.call(q, zeros([5, 2, 6]), zeros([5, 2, 8]))).toThrow(ShapeError);
    expect(() => m.call(q, zeros([5, 6]), zeros([5, 8]))).toThrow(ShapeError);
    expect(() => m.call(zeros([4, 3, 8], { dtype: 'float64' }), k, v)).toThrow(DTypeError);
  });

  it('rejects masks of the wrong shape or dtype, and unknown options', () => {
    expect(() => m.call(q, k, v, { attnMask: zeros([5, 4]) })).toThrow(ShapeError);
    expect(() => m.call(q, k, v, { attnMask: zeros([3, 4, 5]) })).toThrow(ShapeError);
    expect(() => m.call(q, k, v, { attnMask: zeros([4, 5], { dtype: 'int32' }) })).toThrow(DTypeError);
    expect(() => m.call(q, k, v, { keyPaddingMask: zeros([3, 4]) })).toThrow(ShapeError);
    expect(() => m.call(q, k, v, { keyPaddingMask: zeros([5]) })).toThrow(ShapeError);
    expect(() => m.call(q, k, v, { mask: zeros([4, 5]) } as never)).toThrow(ArgumentError);
    expect(() => m.call(q, k, v, { attnMask: zeros([5, 4]) })).toThrow(
      expect.objectContaining({ op: 'MultiheadAttention.forward', arg: 'attnMask' }),
    );
    expect(() => m.call(q, k, v, { needWeights: 1 } as never)).toThrow(ArgumentError);
  });
});
