import { add, mul, rand, type Variable } from '@nn/tensor';
import {
  assignNew,
  checkFloatVariable,
  checkOptions,
  type InitRandomOptions,
  isEmpty,
  orderedBounds,
} from './shared.js';

/** Options of {@link uniform}. @category Initialization */
export interface UniformOptions extends InitRandomOptions {
  /** Lower bound (default 0). */
  a?: number;
  /** Upper bound (default 1). */
  b?: number;
}

/**
 * Fills `v` with samples of the uniform distribution U(a, b) (PyTorch's `nn.init.uniform_`),
 * drawn as `a + (b − a) · rand(...)` in `v`'s dtype. Runs untracked: it joins no gradient graph.
 *
 * `v: [...S]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable.
 * @param options - `a` (default 0), `b` (default 1), `generator`.
 * @returns `v`.
 * @throws `ArgumentError` when `a` or `b` is not finite or `a > b`, or for an unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([2, 3]));
 * init.uniform(w, { a: -0.1, b: 0.1 });
 * all(le(abs(w.value), 0.1)).item(); // true
 * init.uniform(w, { a: 1, b: 0 });    // throws ArgumentError
 * ```
 * @category Initialization
 */
export function uniform(v: Variable, options?: UniformOptions): Variable {
  const op = 'init.uniform';
  const variable = checkFloatVariable(op, v);
  const opts = checkOptions(op, options, ['a', 'b', 'generator']);
  const [a, b] = orderedBounds(op, opts, 0, 1);
  return fillUniform(variable, a, b, opts.generator);
}

/** Fills a checked Variable with U(a, b). @internal */
export function fillUniform(v: Variable, a: number, b: number, generator: InitRandomOptions['generator']): Variable {
  if (isEmpty(v)) return v;
  return assignNew(v, () => add(mul(rand(v.shape, { generator, dtype: v.dtype }), b - a), a));
}
