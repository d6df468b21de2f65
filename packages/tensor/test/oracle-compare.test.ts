// The oracle comparison itself: it must reject wrong shapes, dtypes and values (otherwise the
// fixture suites could pass vacuously), and accept what the tolerance documents.
import { describe, expect, it } from 'vitest';
import { compareWithFixture, type Actual } from './oracle/compare.js';
import { decodeValues, loadFixture, type FixtureEntry, type FixtureTensor } from './oracle/fixtures.js';

function entry(expected: FixtureTensor, accum?: { k: number; scale: number }): FixtureEntry {
  return { name: 't', op: 'add', inputs: [], args: {}, expected, ...(accum ? { accum } : {}) };
}

const f32 = (values: (number | string)[], shape = [values.length]): FixtureTensor => ({
  shape,
  dtype: 'float32',
  values,
});
const actual = (values: number[], shape = [values.length], dtype: Actual['dtype'] = 'float32'): Actual => ({
  shape,
  dtype,
  values: dtype === 'float64' ? new Float64Array(values) : new Float32Array(values),
});

describe('oracle comparison', () => {
  it('accepts equal values, NaN for "nan" and the same infinities', () => {
    expect(
      compareWithFixture(entry(f32([1, 'nan', 'inf', '-inf', -0])), actual([1, NaN, Infinity, -Infinity, 0])),
    ).toBeNull();
  });

  it('rejects a different shape or dtype', () => {
    expect(compareWithFixture(entry(f32([1, 2], [2])), actual([1, 2], [1, 2]))).toMatch(
      /shape: ours \[1, 2\], torch \[2\]/,
    );
    expect(compareWithFixture(entry(f32([1, 2])), actual([1, 2], [2], 'float64'))).toMatch(
      /dtype: ours float64, torch float32/,
    );
  });

  it('rejects values outside atol + rtol·|torch| and names the first mismatch', () => {
    const e = entry(f32([0, 1000, 3, 4], [2, 2]));
    expect(compareWithFixture(e, actual([9e-6, 1000.0013, 3, 4], [2, 2]))).toBeNull();
    const msg = compareWithFixture(e, actual([0, 1000.01, 3, 4.1], [2, 2]));
    expect(msg).toMatch(/first mismatch at flat index 1 \(index \[0, 1\]\): ours 1000\.0\d+, torch 1000/);
    expect(msg).toMatch(/2 of 4 elements differ/);
  });

  it('treats NaN and ±Inf exactly', () => {
    expect(compareWithFixture(entry(f32(['nan'])), actual([0]))).toMatch(/ours 0, torch NaN/);
    expect(compareWithFixture(entry(f32([1])), actual([NaN]))).toMatch(/ours NaN, torch 1/);
    expect(compareWithFixture(entry(f32(['inf'])), actual([-Infinity]))).toMatch(/ours -Infinity, torch Infinity/);
    expect(compareWithFixture(entry(f32([3e38])), actual([Infinity]))).not.toBeNull();
  });

  it('widens the bound by (k + 1)·eps·scale for accumulating entries', () => {
    // (63 + 1) · 2⁻²³ · 100 ≈ 7.6e-4
    const off = actual([10.0005]);
    expect(compareWithFixture(entry(f32([10])), off)).not.toBeNull();
    expect(compareWithFixture(entry(f32([10]), { k: 63, scale: 100 }), off)).toBeNull();
    expect(compareWithFixture(entry(f32([10]), { k: 63, scale: 100 }), actual([10.001]))).not.toBeNull();
  });

  it('compares int32 and bool exactly', () => {
    const ints: FixtureTensor = { shape: [2], dtype: 'int32', values: [1, 2] };
    expect(compareWithFixture(entry(ints), { shape: [2], dtype: 'int32', values: new Int32Array([1, 2]) })).toBeNull();
    expect(
      compareWithFixture(entry(ints), { shape: [2], dtype: 'int32', values: new Int32Array([1, 3]) }),
    ).not.toBeNull();
  });

  it('decodes every fixture file into typed arrays of the stated size', () => {
    for (const file of ['elementwise', 'reductions', 'softmax', 'matmul', 'conv', 'pooling', 'movement']) {
      for (const e of loadFixture(`${file}.json`).entries) {
        const size = e.expected.shape.reduce((a, b) => a * b, 1);
        expect(decodeValues(e.expected).length, `${file}: ${e.name}`).toBe(size);
      }
    }
  });
});
