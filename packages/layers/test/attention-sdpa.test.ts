// scaledDotProductAttention: the math against a plain JavaScript reference, PyTorch 2's mask
// conventions (bool true = take part, float added, isCausal), zero rows for fully masked queries,
// dropout, and argument validation.
import { ArgumentError, DTypeError, Generator, ones, randn, ShapeError, tensor, zeros, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { scaledDotProductAttention } from '../src/functional/index.js';
import { generateSquareSubsequentMask } from '../src/index.js';
import { noLeak } from './support/leaks.js';

/** softmax(q·kᵀ·scale + mask)·v for one [L, E], [S, E], [S, Ev] problem, in float64; mask null = all allowed. */
function reference(
  q: number[][],
  k: number[][],
  v: number[][],
  scale: number,
  add?: (i: number, j: number) => number,
): number[][] {
  return q.map((qi, i) => {
    const scores = k.map((kj, j) => qi.reduce((s, x, d) => s + x * kj[d]!, 0) * scale + (add ? add(i, j) : 0));
    const m = Math.max(...scores);
    if (m === -Infinity) return v[0]!.map(() => 0);
    const w = scores.map((s) => Math.exp(s - m));
    const z = w.reduce((a, b) => a + b, 0);
    return v[0]!.map((_, c) => w.reduce((s, wj, j) => s + (wj / z) * v[j]![c]!, 0));
  });
}

const rows = (t: Tensor): number[][] => t.toArray() as number[][];

function expectClose(got: number[][], want: number[][], tol = 1e-12): void {
  expect(got.length).toBe(want.length);
  got.forEach((r, i) => r.forEach((x, j) => expect(Math.abs(x - want[i]![j]!)).toBeLessThanOrEqual(tol)));
}

describe('scaledDotProductAttention: values', () => {
  const g = new Generator(11);
  const q = randn([3, 4], { dtype: 'float64', generator: g });
  const k = randn([5, 4], { dtype: 'float64', generator: g });
  const v = randn([5, 2], { dtype: 'float64', generator: g });

  it('equals softmax(q·kᵀ/√E)·v, and a custom scale', () => {
    noLeak(() => {
      expectClose(rows(scaledDotProductAttention(q, k, v)), reference(rows(q), rows(k), rows(v), 0.5));
      expectClose(rows(scaledDotProductAttention(q, k, v, { scale: 1.7 })), reference(rows(q), rows(k), rows(v), 1.7));
    });
  });

  it('bool mask: true = the key takes part (PyTorch 2 convention); float masks are added', () => {
    noLeak(() => {
      const allow = [
        [true, false, true, true, false],
        [false, false, false, false, true],
        [true, true, true, true, true],
      ];
      const want = reference(rows(q), rows(k), rows(v), 0.5, (i, j) => (allow[i]![j] ? 0 : -Infinity));
      expectClose(rows(scaledDotProductAttention(q, k, v, { attnMask: tensor(allow) })), want);
      const bias = randn([3, 5], { dtype: 'float64', generator: new Generator(3) });
      const b = rows(bias);
      expectClose(
        rows(scaledDotProductAttention(q, k, v, { attnMask: bias })),
        reference(rows(q), rows(k), rows(v), 0.5, (i, j) => b[i]![j]!),
      );
    });
  });

  it('isCausal equals the subsequent mask, and is top-left aligned when L ≠ S', () => {
    noLeak(() => {
      const qs = randn([5, 4], { dtype: 'float64', generator: new Generator(4) });
      const causal = scaledDotProductAttention(qs, k, v, { isCausal: true });
      const masked = scaledDotProductAttention(qs, k, v, {
        attnMask: generateSquareSubsequentMask(5, { dtype: 'float64' }),
      });
      expectClose(rows(causal), rows(masked));
      const short = scaledDotProductAttention(q, k, v, { isCausal: true }); // L = 3, S = 5
      expectClose(
        rows(short),
        reference(rows(q), rows(k), rows(v), 0.5, (i, j) => (j <= i ? 0 : -Infinity)),
      );
    });
  });

  it('broadcasts batch dims ([2, 1, L, E] with [1, 3, S, E]) and masks over them', () => {
    noLeak(() => {
      const gg = new Generator(5);
      const qb = randn([2, 1, 3, 4], { generator: gg });
      const kb = randn([1, 3, 5, 4], { generator: gg });
      const vb = randn([1, 3, 5, 2], { generator: gg });
      const mask = tensor([true, true, false, true, true]);
      const out = scaledDotProductAttention(qb, kb, vb, { attnMask: mask });
      expect(out.shape).toEqual([2, 3, 3, 2]);
      const all = out.toArray() as number[][][][];
      const qa = qb.toArray() as number[][][][];
      const ka = kb.toArray() as number[][][][];
      const va = vb.toArray() as number[][][][];
      const want = reference(qa[1]![0]!, ka[0]![2]!, va[0]![2]!, 0.5, (_i, j) => (j === 2 ? -Infinity : 0));
      expectClose(all[1]![2]!, want, 1e-5);
    });
  });

  it('a query whose keys are all masked gets a zero row (PyTorch 1.13: NaN), the others are unchanged', () => {
    noLeak(() => {
      const allow = tensor([
        [false, false, false, false, false],
        [true, true, false, false, false],
        [true, true, true, true, true],
      ]);
      const out = rows(scaledDotProductAttention(q, k, v, { attnMask: allow }));
      expect(out[0]).toEqual([0, 0]);
      expect(out.flat().every(Number.isFinite)).toBe(true);
      expectClose(
        out.slice(1),
        reference(rows(q), rows(k), rows(v), 0.5, (i, j) => (i === 1 && j >= 2 ? -Infinity : 0)).slice(1),
      );
      const floatAllMasked = tensor([[-Infinity, -Infinity, -Infinity, -Infinity, -Infinity]], { dtype: 'float64' });
      expect(rows(scaledDotProductAttention(q, k, v, { attnMask: floatAllMasked })).flat()).toEqual([0, 0, 0, 0, 0, 0]);
    });
  });
});

describe('scaledDotProductAttention: dropout', () => {
  it('is reproducible with a generator, rescales kept weights, p = 1 gives zeros, p = 0 changes nothing', () => {
    noLeak(() => {
      const x = ones([1, 6, 4]);
      const v = randn([1, 6, 3], { generator: new Generator(1) });
      const a = scaledDotProductAttention(x, x, v, { dropoutP: 0.5, generator: new Generator(9) });
      const b = scaledDotProductAttention(x, x, v, { dropoutP: 0.5, generator: new Generator(9) });
      expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
      // uniform weights 1/6 kept with probability 1/2 and scaled by 2: each output is a sum of v rows times 0 or 1/3
      const plain = scaledDotProductAttention(x, x, v);
      expect(Array.from(a.dataSync())).not.toEqual(Array.from(plain.dataSync()));
      expect(Array.from(scaledDotProductAttention(x, x, v, { dropoutP: 1 }).dataSync()).every((y) => y === 0)).toBe(
        true,
      );
      expect(Array.from(scaledDotProductAttention(x, x, v, { dropoutP: 0 }).dataSync())).toEqual(
        Array.from(plain.dataSync()),
      );
    });
  });
});

describe('scaledDotProductAttention: validation', () => {
  const q = zeros([2, 3, 4]);
  const k = zeros([2, 5, 4]);
  const v = zeros([2, 5, 6]);

  it('rejects bad shapes', () => {
    expect(() => scaledDotProductAttention(zeros([4]), k, v)).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, zeros([2, 5, 3]), v)).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, k, zeros([2, 4, 6]))).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, zeros([3, 5, 4]), zeros([3, 5, 6]))).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, k, v, { attnMask: zeros([3, 4]) })).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, k, v, { attnMask: zeros([3, 2, 3, 5]) })).toThrow(ShapeError);
  });

  it('rejects bad dtypes', () => {
    expect(() => scaledDotProductAttention(q, k, zeros([2, 5, 6], { dtype: 'float64' }))).toThrow(DTypeError);
    expect(() => scaledDotProductAttention(zeros([2, 3, 4], { dtype: 'int32' }), k, v)).toThrow(DTypeError);
    expect(() => scaledDotProductAttention(q, k, v, { attnMask: zeros([3, 5], { dtype: 'int32' }) })).toThrow(
      DTypeError,
    );
  });

  it('rejects bad options', () => {
    expect(() => scaledDotProductAttention(q, k, v, { isCausal: true, attnMask: zeros([3, 5]) })).toThrow(
      ArgumentError,
    );
    expect(() => scaledDotProductAttention(q, k, v, { dropoutP: 1.5 })).toThrow(ArgumentError);
    expect(() => scaledDotProductAttention(q, k, v, { scale: Number.NaN })).toThrow(ArgumentError);
    expect(() => scaledDotProductAttention(q, k, v, { causal: true } as never)).toThrow(ArgumentError);
    expect(() => scaledDotProductAttention(q, k, v, { generator: 3 } as never)).toThrow(ArgumentError);
  });
});
