// Comparison of an @nn result with a PyTorch fixture result.
//
// Tolerance, per element i, for float outputs:
//   |ours_i − torch_i| ≤ atol + rtol·|torch_i| + accumTol
// with (atol, rtol) = (1e-5, 1.3e-6) for float32 and (1e-12, 1e-10) for float64.
// Entries of accumulating ops (sums, means, matmul, conv, pooling windows, cumsum, var/std,
// logsumexp, norm, …) carry `accum: { k, scale }` and add
//   accumTol = (k + 1) · eps · scale,   eps = 2⁻²³ (float32) or 2⁻⁵² (float64),
// where k is the number of accumulated terms and, for a sum Σ_k term_k, scale = max over outputs of
// Σ_k |term_k| (the generator computes it as the op applied to |inputs| in float64). A float32 sum
// of k terms in any order is off by at most γ_k·Σ|term| ≈ k·2⁻²⁴·Σ|term|, so this bound covers
// both our rounding and PyTorch's with a little slack, independent of summation order. Other
// accumulating ops use the scale documented where the generator builds them.
// Non-finite expectations match exactly (NaN matches NaN, ±Inf must be the same infinity); the
// sign of zero is not compared. int32 and bool outputs must be equal.
import type { DType, TypedArray } from '../../src/index.js';
import { decodeNumber, shapeText, type FixtureEntry } from './fixtures.js';

const TOLERANCES: Record<'float32' | 'float64', { atol: number; rtol: number; eps: number }> = {
  float32: { atol: 1e-5, rtol: 1.3e-6, eps: 2 ** -23 },
  float64: { atol: 1e-12, rtol: 1e-10, eps: 2 ** -52 },
};

/** What an @nn op produced, read out of its tensor. */
export interface Actual {
  shape: readonly number[];
  dtype: DType;
  values: TypedArray;
}

function multiIndex(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    idx[d] = rest % n;
    rest = Math.floor(rest / n);
  }
  return idx;
}

/** Returns null when `actual` matches the entry's expectation, else a description of the first mismatch. */
export function compareWithFixture(entry: FixtureEntry, actual: Actual): string | null {
  const exp = entry.expected;
  if (actual.shape.length !== exp.shape.length || actual.shape.some((d, i) => d !== exp.shape[i])) {
    return `shape: ours ${shapeText(actual.shape)}, torch ${shapeText(exp.shape)}`;
  }
  if (actual.dtype !== exp.dtype) return `dtype: ours ${actual.dtype}, torch ${exp.dtype}`;
  if (actual.values.length !== exp.values.length) {
    return `element count: ours ${actual.values.length}, torch ${exp.values.length}`;
  }
  const float = exp.dtype === 'float32' || exp.dtype === 'float64';
  const tol = float ? TOLERANCES[exp.dtype as 'float32' | 'float64'] : null;
  const accumTol = tol && entry.accum ? (entry.accum.k + 1) * tol.eps * entry.accum.scale : 0;
  let first = -1;
  let firstTol = 0;
  let count = 0;
  for (let i = 0; i < exp.values.length; i++) {
    const e = decodeNumber(exp.values[i]);
    const a = actual.values[i]!;
    let ok: boolean;
    let bound = 0;
    if (tol === null) ok = a === e;
    else if (Number.isNaN(e)) ok = Number.isNaN(a);
    else if (!Number.isFinite(e)) ok = a === e;
    else {
      bound = tol.atol + tol.rtol * Math.abs(e) + accumTol;
      ok = Math.abs(a - e) <= bound; // false for NaN or ±Inf ours
    }
    if (!ok) {
      if (first < 0) {
        first = i;
        firstTol = bound;
      }
      count++;
    }
  }
  if (first < 0) return null;
  const e = decodeNumber(exp.values[first]);
  const a = actual.values[first]!;
  const diff = float && Number.isFinite(e) ? `, |diff| ${Math.abs(a - e)} > tolerance ${firstTol}` : '';
  return (
    `first mismatch at flat index ${first} (index ${shapeText(multiIndex(first, exp.shape))}): ` +
    `ours ${a}, torch ${e}${diff}; ${count} of ${exp.values.length} elements differ`
  );
}
