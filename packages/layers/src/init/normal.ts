import { add, mul, randn, type Variable } from '@nn/tensor';
import { assignNew, checkFloatVariable, checkOptions, type InitRandomOptions, isEmpty, meanAndStd } from './shared.js';

/** Options of {@link normal}. @category Initialization */
export interface NormalOptions extends InitRandomOptions {
  /** Mean (default 0). */
  mean?: number;
  /** Standard deviation, ≥ 0 (default 1). */
  std?: number;
}

/**
 * Fills `v` with samples of the normal distribution N(mean, std²) (PyTorch's `nn.init.normal_`),
 * drawn as `mean + std · randn(...)` in `v`'s dtype. Runs untracked: it joins no gradient graph.
 *
 * `v: [...S]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable.
 * @param options - `mean` (default 0), `std` (default 1), `generator`.
 * @returns `v`.
 * @throws `ArgumentError` when `mean` is not finite, `std` is negative or not finite, or for an
 *   unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([100, 100]));
 * init.normal(w, { mean: 1, std: 0.02, generator: new Generator(0) });
 * mean(w.value).item();          // ≈ 1 (up to sampling noise)
 * init.normal(w, { std: -1 });   // throws ArgumentError
 * ```
 * @category Initialization
 */
export function normal(v: Variable, options?: NormalOptions): Variable {
  const op = 'init.normal';
  const variable = checkFloatVariable(op, v);
  const opts = checkOptions(op, options, ['mean', 'std', 'generator']);
  const [m, std] = meanAndStd(op, opts);
  return fillNormal(variable, m, std, opts.generator);
}

/** Fills a checked Variable with N(mean, std²). @internal */
export function fillNormal(
  v: Variable,
  mean: number,
  std: number,
  generator: InitRandomOptions['generator'],
): Variable {
  if (isEmpty(v)) return v;
  return assignNew(v, () => add(mul(randn(v.shape, { generator, dtype: v.dtype }), std), mean));
}
