import { describe, expect, it } from 'vitest';
import { forEachRows } from '../src/backends/cpu/kernels/elementwise/broadcast.js';
import { erf as erfScalar } from '../src/backends/cpu/kernels/elementwise/erf-math.js';
import { floatPow, intPow } from '../src/backends/cpu/kernels/elementwise/pow.js';
import { roundHalfEven } from '../src/backends/cpu/kernels/elementwise/round.js';
import { add, erf, pow, round, sigmoid, tensor, where, type Tensor } from '../src/index.js';

// erf(x) in double from Python's math.erf (an independent implementation).
const ERF: [number, number][] = [
  [-6.5, -1],
  [-5.9, -0.9999999999999999],
  [-3.8125, -0.9999999302015868],
  [-2, -0.9953222650189527],
  [-1.5, -0.9661051464753108],
  [-1, -0.8427007929497149],
  [-0.7, -0.6778011938374184],
  [-0.3, -0.3286267594591274],
  [-0.001, -0.0011283787909692365],
  [-1e-8, -1.1283791670955126e-8],
  [1e-300, 1.1283791670955126e-300],
  [1e-10, 1.1283791670955126e-10],
  [1e-5, 1.1283791670579e-5],
  [0.0625, 0.07043197772238707],
  [0.1, 0.1124629160182849],
  [0.4, 0.42839235504666845],
  [0.5, 0.5204998778130465],
  [0.9, 0.7969082124228322],
  [1, 0.8427007929497149],
  [1.3, 0.9340079449406524],
  [1.8125, 0.9896306257947752],
  [2.5, 0.999593047982555],
  [3, 0.9999779095030014],
  [3.5, 0.9999992569016276],
  [4, 0.9999999845827421],
  [4.7, 0.9999999999700474],
  [5.5, 0.9999999999999927],
  [5.99, 1],
  [6, 1],
];

describe('erf', () => {
  it('matches an independent double implementation to 1e-15 relative', () => {
    for (const [x, want] of ERF) {
      const got = erfScalar(x);
      expect(Math.abs(got - want), `erf(${x}) = ${got}, want ${want}`).toBeLessThanOrEqual(1e-15 * Math.abs(want));
    }
  });

  it('is odd, bounded by 1, and exact at the special values', () => {
    expect(Object.is(erfScalar(-0), -0)).toBe(true);
    expect(erfScalar(Infinity)).toBe(1);
    expect(erfScalar(-Infinity)).toBe(-1);
    expect(erfScalar(NaN)).toBeNaN();
    const bad: number[] = [];
    for (let x = 0; x < 8; x += 0.013) {
      if (erfScalar(-x) !== -erfScalar(x) || Math.abs(erfScalar(x)) > 1) bad.push(x);
    }
    expect(bad).toEqual([]);
  });

  it('is monotone across the table seams', () => {
    const drops: number[] = [];
    let previous = -1;
    for (let x = -7; x <= 7; x += 1 / 1024) {
      const y = erfScalar(x);
      if (y < previous) drops.push(x);
      previous = y;
    }
    expect(drops).toEqual([]);
  });

  it('computes float32 tensors in double and rounds once', () => {
    const got = erf(tensor([0.5, -1, 3])).dataSync();
    expect(Array.from(got)).toEqual([0.5204998778130465, -0.8427007929497149, 0.9999779095030014].map(Math.fround));
  });
});

describe('sigmoid', () => {
  it('never overflows to NaN and keeps tiny tails', () => {
    const y = sigmoid(tensor([-1000, -100, 0, 100, 1000], { dtype: 'float64' })).toArray() as number[];
    expect(y[0]).toBe(0);
    expect(y[1]).toBeCloseTo(3.720075976020836e-44, 58);
    expect(y[2]).toBe(0.5);
    expect(y[3]).toBe(1);
    expect(y[4]).toBe(1);
  });
});

describe('round half to even', () => {
  it('sends ties to the even neighbour', () => {
    const cases: [number, number][] = [
      [0.5, 0],
      [1.5, 2],
      [2.5, 2],
      [3.5, 4],
      [-0.5, -0],
      [-1.5, -2],
      [-2.5, -2],
      [2.4999999999999996, 2],
      [0.49999999999999994, 0],
      [4503599627370495.5, 4503599627370496],
      [1e300, 1e300],
      [-7.6, -8],
    ];
    for (const [x, want] of cases) expect(Object.is(roundHalfEven(x), want), `round(${x})`).toBe(true);
    expect(roundHalfEven(NaN)).toBeNaN();
    expect(roundHalfEven(-Infinity)).toBe(-Infinity);
    expect(round(tensor([0.5, 1.5, 2.5, -2.5])).toArray()).toEqual([0, 2, 2, -2]);
  });
});

describe('pow special cases', () => {
  it('follows C pow where Math.pow differs', () => {
    expect(floatPow(1, NaN)).toBe(1);
    expect(floatPow(1, Infinity)).toBe(1);
    expect(floatPow(-1, -Infinity)).toBe(1);
    expect(floatPow(NaN, 0)).toBe(1);
    expect(floatPow(-8, 1 / 3)).toBeNaN();
    expect(floatPow(0, -1)).toBe(Infinity);
    expect(pow(tensor([1, -1]), tensor([NaN, Infinity])).toArray()).toEqual([1, 1]);
  });

  it('computes int32 powers exactly modulo 2^32, with PyTorch rules for negative exponents', () => {
    expect(intPow(3, 4)).toBe(81);
    expect(intPow(2, 31)).toBe(-2147483648);
    expect(intPow(2, 32)).toBe(0);
    expect(intPow(3, 21)).toBe(Number(BigInt.asIntN(32, 3n ** 21n)));
    expect(intPow(7, 0)).toBe(1);
    expect(intPow(1, -5)).toBe(1);
    expect(intPow(-1, -3)).toBe(-1);
    expect(intPow(-1, -4)).toBe(1);
    expect(intPow(2, -1)).toBe(0);
  });
});

/** Naive broadcast reference: one multi-index per element. */
function naiveAdd(a: number[], aShape: number[], b: number[], bShape: number[], out: number[]): number[] {
  const rank = out.length;
  const size = out.reduce((p, d) => p * d, 1);
  const at = (values: number[], shape: number[], idx: number[]): number => {
    let flat = 0;
    for (let d = 0; d < shape.length; d++)
      flat = flat * shape[d]! + (shape[d] === 1 ? 0 : idx[rank - shape.length + d]!);
    return values[flat]!;
  };
  const result: number[] = [];
  for (let i = 0; i < size; i++) {
    const idx: number[] = [];
    let rest = i;
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = rest % out[d]!;
      rest = Math.floor(rest / out[d]!);
    }
    result.push(at(a, aShape, idx) + at(b, bShape, idx));
  }
  return result;
}

describe('broadcasting', () => {
  const shapes: [number[], number[]][] = [
    [
      [3, 5, 7],
      [3, 5, 7],
    ],
    [[3, 1], [4]],
    [[4], [3, 1]],
    [
      [5, 1, 7],
      [1, 4, 1],
    ],
    [
      [2, 3, 1, 5],
      [3, 4, 1],
    ],
    [[], [2, 3]],
    [[2, 3], []],
    [[1, 1], [1]],
    [
      [6, 1, 1],
      [1, 2, 3],
    ],
    [
      [1, 3, 1, 2],
      [4, 1, 5, 1],
    ],
    [
      [2, 1, 3, 1, 2],
      [2, 4, 1, 5, 2],
    ],
    [[1100, 3], [3]],
    [
      [3, 1100, 2],
      [3, 1, 2],
    ],
    [
      [7, 1],
      [1, 1],
    ],
  ];
  it.each(shapes)('adds %j and %j like the naive per-index reference', (aShape, bShape) => {
    const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
    const a = Array.from({ length: size(aShape) }, (_, i) => i * 1.5 - 3);
    const b = Array.from({ length: size(bShape) }, (_, i) => i * 0.25 + 100);
    const ta = tensor(Float64Array.from(a), { shape: aShape });
    const tb = tensor(Float64Array.from(b), { shape: bShape });
    const y = add(ta, tb);
    expect(Array.from(y.dataSync())).toEqual(naiveAdd(a, aShape, b, bShape, [...y.shape]));
  });

  it('walks rows in blocks of at most 1024, covering the output once', () => {
    const seen: number[] = [];
    forEachRows([[3000, 2], [2]], [3000, 2], (rows) => {
      expect(rows.count).toBeLessThanOrEqual(1024);
      expect(rows.len).toBe(2);
      for (let k = 0; k < rows.count; k++) seen.push(rows.out + k * rows.len);
    });
    expect(seen).toEqual(Array.from({ length: 3000 }, (_, i) => 2 * i));
  });

  it('merges contiguous dims so a same-shape op is a single row', () => {
    const calls: number[] = [];
    forEachRows(
      [
        [4, 5, 6],
        [4, 5, 6],
      ],
      [4, 5, 6],
      (rows) => calls.push(rows.count, rows.len, ...rows.steps),
    );
    expect(calls).toEqual([1, 120, 1, 1]);
  });

  it('visits nothing for a size-0 output', () => {
    let visits = 0;
    forEachRows([[0, 3], [3]], [0, 3], () => visits++);
    expect(visits).toBe(0);
  });

  it('broadcasts where over three operands', () => {
    const c = tensor([[true], [false]]);
    const y: Tensor = where(c, tensor([1, 2, 3]), tensor([[10], [20]]));
    expect(y.toArray()).toEqual([
      [1, 2, 3],
      [20, 20, 20],
    ]);
  });
});
