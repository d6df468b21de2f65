import { describe, expect, it } from 'vitest';
import {
  adaptiveAvgPool2d,
  ArgumentError,
  avgPool2d,
  avgPool2dBackprop,
  DTypeError,
  maxPool2d,
  maxPool2dBackprop,
  onOp,
  ones,
  randn,
  ShapeError,
  tensor,
  tidy,
  type OpRecord,
  type Tensor,
} from '../src/index.js';

const GRID = tensor([
  [
    [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
      [13, 14, 15, 16],
    ],
  ],
]);

function inner(a: Tensor, b: Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

function opsOf(fn: () => unknown): OpRecord[] {
  const records: OpRecord[] = [];
  const stop = onOp((r) => records.push(r));
  tidy(() => {
    fn();
  });
  stop();
  return records;
}

describe('maxPool2d', () => {
  it('handles the documented examples', () => {
    expect(maxPool2d(GRID, 2).toArray()).toEqual([
      [
        [
          [6, 8],
          [14, 16],
        ],
      ],
    ]);
    expect(
      maxPool2dBackprop(
        ones([1, 1, 1, 1]),
        tensor([
          [
            [
              [1, 3],
              [2, 0],
            ],
          ],
        ]),
        2,
      ).toArray(),
    ).toEqual([
      [
        [
          [0, 1],
          [0, 0],
        ],
      ],
    ]);
  });

  it('defaults the stride to the kernel and normalises attrs', () => {
    const records = opsOf(() => maxPool2d(ones([1, 1, 6, 6]), [3, 2], { padding: 1 }));
    expect(records[0]!.attrs).toEqual({
      kernelSize: [3, 2],
      stride: [3, 2],
      padding: [1, 1],
      ceilMode: false,
      dilation: [1, 1],
    });
  });

  it('keeps int32', () => {
    const y = maxPool2d(
      tensor(
        [
          [
            [
              [1, -5],
              [3, 2],
            ],
          ],
        ],
        { dtype: 'int32' },
      ),
      2,
    );
    expect(y.dtype).toBe('int32');
    expect(y.item()).toBe(3);
  });

  it('applies the ceil-mode rule: a last window may not start in the right padding', () => {
    // H = 5, kernel 2, stride 4, padding 1: ⌈(5 + 2 − 2) / 4⌉ + 1 = 3 windows, but the third would start at 7 ≥ 5 + 1.
    expect(maxPool2d(ones([1, 1, 5, 5]), 2, { stride: 4, padding: 1, ceilMode: true }).shape).toEqual([1, 1, 2, 2]);
    expect(maxPool2d(ones([1, 1, 7, 7]), 3, { stride: 2, ceilMode: true }).shape).toEqual([1, 1, 3, 3]);
  });

  it('matches a finite-difference gradient (distinct values, overlapping windows)', () => {
    const x = randn([1, 2, 5, 6], { dtype: 'float64' });
    const dy = randn([1, 2, 5, 6], { dtype: 'float64' });
    const options = { stride: 1, padding: 1 };
    const dx = maxPool2dBackprop(dy, x, 3, options).dataSync();
    const base = x.dataSync();
    const h = 1e-6;
    for (const i of [0, 7, 13, 29, 41, 59]) {
      const plus = Float64Array.from(base);
      plus[i]! += h;
      const minus = Float64Array.from(base);
      minus[i]! -= h;
      const f = (v: Float64Array) => inner(maxPool2d(tensor(v, { shape: x.shape }), 3, options), dy);
      expect(dx[i]).toBeCloseTo((f(plus) - f(minus)) / (2 * h), 5);
    }
  });

  it('validates with named errors', () => {
    expect(() => maxPool2d(ones([1, 1, 4, 4]), 2, { padding: 2 })).toThrow(
      /maxPool2d\(padding\): expected at most half the kernel size/,
    );
    expect(() => maxPool2d(ones([1, 1, 2, 2]), 3)).toThrow(ShapeError);
    expect(() => maxPool2d(ones([1, 1, 0, 2]), 1)).toThrow(ShapeError);
    expect(() => maxPool2d(ones([1, 1, 4, 4]), [2, 2, 2] as unknown as number)).toThrow(ArgumentError);
    expect(() => maxPool2d(ones([1, 1, 4, 4]), 2, { ceilMode: 1 as unknown as boolean })).toThrow(ArgumentError);
    expect(() => maxPool2dBackprop(ones([1, 1, 2, 2]), ones([1, 1, 4, 4]), 3)).toThrow(ShapeError);
  });
});

describe('avgPool2d', () => {
  it('handles the documented examples', () => {
    expect(avgPool2d(GRID, 2).toArray()).toEqual([
      [
        [
          [3.5, 5.5],
          [11.5, 13.5],
        ],
      ],
    ]);
    expect(avgPool2d(GRID, 3, { stride: 1, padding: 1, countIncludePad: false }).shape).toEqual([1, 1, 4, 4]);
    expect(avgPool2dBackprop(ones([1, 1, 1, 1]), [1, 1, 2, 2], 2).toArray()).toEqual([
      [
        [
          [0.25, 0.25],
          [0.25, 0.25],
        ],
      ],
    ]);
  });

  it("uses PyTorch's divisors at the borders", () => {
    const x = ones([1, 1, 2, 2]);
    // Corner windows of a 3×3 kernel with padding 1 see 4 ones: 4/9 counting padding, 1 otherwise.
    expect(avgPool2d(x, 3, { stride: 1, padding: 1 }).dataSync()[0]).toBeCloseTo(4 / 9, 6);
    expect(avgPool2d(x, 3, { stride: 1, padding: 1, countIncludePad: false }).dataSync()[0]).toBe(1);
    // H = 4, kernel 3, stride 2, padding 1, ceil mode: windows start at −1, 1, 3; the last one is clipped to
    // the padded input (end 5), so it holds 1 input row and 1 padding row: divisor 2 (1 without padding).
    const y = avgPool2d(ones([1, 1, 4, 4]), 3, { stride: 2, padding: 1, ceilMode: true });
    expect(y.shape).toEqual([1, 1, 3, 3]);
    const rows = [2 / 3, 1, 1 / 2];
    const got = y.dataSync();
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(got[i * 3 + j]).toBeCloseTo(rows[i]! * rows[j]!, 6);
    const z = avgPool2d(ones([1, 1, 4, 4]), 3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false });
    expect(Array.from(z.dataSync())).toEqual(new Array(9).fill(1));
  });

  it('has the adjoint gradient', () => {
    for (const options of [
      { stride: 2, padding: 1 },
      { stride: 2, padding: 1, countIncludePad: false, ceilMode: true },
    ]) {
      const x = randn([2, 2, 7, 6], { dtype: 'float64' });
      const y = avgPool2d(x, 3, options);
      const dy = randn(y.shape, { dtype: 'float64' });
      const dx = avgPool2dBackprop(dy, [2, 2, 7, 6], 3, options);
      expect(inner(x, dx)).toBeCloseTo(inner(y, dy), 10);
    }
  });

  it('rejects integer input', () => {
    expect(() => avgPool2d(ones([1, 1, 2, 2], { dtype: 'int32' }), 2)).toThrow(DTypeError);
  });
});

describe('adaptiveAvgPool2d', () => {
  it('handles the documented examples', () => {
    expect(
      adaptiveAvgPool2d(
        tensor([
          [
            [
              [1, 2, 3],
              [4, 5, 6],
            ],
          ],
        ]),
        [1, 2],
      ).toArray(),
    ).toEqual([[[[3, 4]]]]);
    expect(adaptiveAvgPool2d(ones([2, 3, 7, 7]), 1).shape).toEqual([2, 3, 1, 1]);
  });

  it('routes divisible sizes to AvgPool2D and others to matmul', () => {
    expect(opsOf(() => adaptiveAvgPool2d(ones([1, 2, 6, 8]), [3, 2])).map((r) => r.op)).toEqual(['AvgPool2D']);
    expect(opsOf(() => adaptiveAvgPool2d(ones([1, 2, 7, 5]), [3, 4])).map((r) => r.op)).toEqual(['MatMul', 'MatMul']);
  });

  it("uses PyTorch's overlapping windows", () => {
    // H = 5 → 3: rows [0, 2), [1, 4), [3, 5).
    const x = tensor([[[[1], [2], [3], [4], [5]]]]);
    const y = Array.from(adaptiveAvgPool2d(x, [3, 1]).dataSync());
    expect(y[0]).toBeCloseTo(1.5, 6);
    expect(y[1]).toBeCloseTo(3, 6);
    expect(y[2]).toBeCloseTo(4.5, 6);
  });

  it('keeps unbatched input unbatched', () => {
    expect(adaptiveAvgPool2d(ones([3, 5, 5]), 2).shape).toEqual([3, 2, 2]);
    expect(adaptiveAvgPool2d(ones([3, 4, 4]), 2).shape).toEqual([3, 2, 2]);
  });

  it('validates the output size', () => {
    expect(() => adaptiveAvgPool2d(ones([1, 1, 4, 4]), [2, 0])).toThrow(ArgumentError);
    expect(() => adaptiveAvgPool2d(ones([1, 1, 0, 4]), 2)).toThrow(ShapeError);
  });
});
