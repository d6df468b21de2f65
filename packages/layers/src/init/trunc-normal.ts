import { rand, tensor, type Variable } from '@nn/tensor';
import { normalCdf, normalQuantile } from './normal-cdf.js';
import {
  assignNew,
  checkFloatVariable,
  checkOptions,
  type InitRandomOptions,
  isEmpty,
  meanAndStd,
  orderedBounds,
} from './shared.js';

/** Options of {@link truncNormal}. @category Initialization */
export interface TruncNormalOptions extends InitRandomOptions {
  /** Mean of the untruncated normal (default 0). */
  mean?: number;
  /** Standard deviation of the untruncated normal, ≥ 0 (default 1). */
  std?: number;
  /** Lower cut-off, in the values' units (default −2). */
  a?: number;
  /** Upper cut-off, in the values' units (default 2). */
  b?: number;
}

/**
 * Fills `v` with samples of N(mean, std²) truncated to [a, b] (PyTorch's `nn.init.trunc_normal_`).
 * Like PyTorch it uses the inverse-CDF method: one uniform draw `u` per element (from
 * `rand(..., { generator, dtype: 'float64' })`), mapped through Φ⁻¹ onto [a, b] and clamped to it;
 * unlike PyTorch the mapping runs on the host in float64, on the side of the mean's tail where Φ
 * keeps its relative precision, so cut-offs far from the mean stay exact. Runs untracked.
 *
 * `v: [...S]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable.
 * @param options - `mean` (0), `std` (1), `a` (−2), `b` (2), `generator`. Note that `a` and `b` are
 *   absolute values, not multiples of `std` (as in PyTorch).
 * @returns `v`.
 * @throws `ArgumentError` for a non-finite option, `std < 0`, `a > b`, or an unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([1000]));
 * init.truncNormal(w, { std: 0.02, a: -0.04, b: 0.04 });
 * all(le(abs(w.value), 0.04)).item(); // true
 * init.truncNormal(w, { a: 1, b: -1 }); // throws ArgumentError
 * ```
 * @category Initialization
 */
export function truncNormal(v: Variable, options?: TruncNormalOptions): Variable {
  const op = 'init.truncNormal';
  const variable = checkFloatVariable(op, v);
  const opts = checkOptions(op, options, ['mean', 'std', 'a', 'b', 'generator']);
  const [m, std] = meanAndStd(op, opts);
  const [a, b] = orderedBounds(op, opts, -2, 2);
  if (isEmpty(variable)) return variable;
  return assignNew(variable, () => {
    const u = rand(variable.shape, { generator: opts.generator, dtype: 'float64' }).dataSync();
    const out = new Float64Array(u.length);
    // std = 0 is the point mass at the mean (clamped into [a, b]).
    const sample = std === 0 ? () => 0 : standardSampler((a - m) / std, (b - m) / std);
    for (let i = 0; i < u.length; i++) out[i] = Math.min(b, Math.max(a, m + std * sample(u[i]!)));
    return tensor(out, { shape: variable.shape, dtype: variable.dtype });
  });
}

/**
 * Maps a uniform draw in [0, 1) to a standard normal restricted to [lo, hi]. Works on the side of 0
 * where the interval's CDF values are small (mirroring an interval right of 0), so both ends keep
 * their relative precision.
 */
function standardSampler(lo: number, hi: number): (u: number) => number {
  if (lo > 0) {
    const mirrored = standardSampler(-hi, -lo);
    return (u) => -mirrored(u);
  }
  const pLo = normalCdf(lo);
  const pHi = normalCdf(hi);
  if (pHi < 1e-300) {
    // So far into the tail that Φ underflows: there the truncated normal is, to double precision,
    // an exponential of rate |hi| falling away from hi (the end nearest the mean).
    return (u) => Math.max(lo, hi + Math.log1p(-u) / Math.abs(hi));
  }
  return (u) => normalQuantile(pLo + u * (pHi - pLo));
}
