import type { Variable } from '@nn/tensor';
import { fanInAndFanOut } from './fan.js';
import { fillNormal } from './normal.js';
import { checkFloatVariable, checkOptions, type InitRandomOptions, nonNegativeNumber } from './shared.js';
import { fillUniform } from './uniform.js';

/** Options of {@link xavierUniform} and {@link xavierNormal}. @category Initialization */
export interface XavierOptions extends InitRandomOptions {
  /** Scaling factor, ≥ 0 (default 1); see {@link calculateGain}. */
  gain?: number;
}

function xavierStd(op: string, v: unknown, options: XavierOptions | undefined): [Variable, number, XavierOptions] {
  const variable = checkFloatVariable(op, v);
  const opts = checkOptions(op, options, ['gain', 'generator']);
  const gain = nonNegativeNumber(op, 'gain', opts.gain, 1);
  const [fanIn, fanOut] = fanInAndFanOut(variable.shape);
  const std = fanIn + fanOut === 0 ? 0 : gain * Math.sqrt(2 / (fanIn + fanOut));
  return [variable, std, opts];
}

/**
 * Glorot/Xavier uniform initialisation (PyTorch's `nn.init.xavier_uniform_`): fills `v` with
 * U(−bound, bound), `bound = gain · √(6 / (fanIn + fanOut))` (see {@link fanInAndFanOut}).
 * Runs untracked.
 *
 * `v: [out, in, ...kernel]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable with at least 2 dimensions.
 * @param options - `gain` (default 1), `generator`.
 * @returns `v`.
 * @throws `ShapeError` when `v` has fewer than 2 dimensions.
 * @throws `ArgumentError` for a negative or non-finite `gain`, or an unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([20, 30]));
 * init.xavierUniform(w, { gain: init.calculateGain('tanh') });
 * all(le(abs(w.value), (5 / 3) * Math.sqrt(6 / 50))).item(); // true
 * init.xavierUniform(new Variable(zeros([3]))); // throws ShapeError
 * ```
 * @category Initialization
 */
export function xavierUniform(v: Variable, options?: XavierOptions): Variable {
  const [variable, std, opts] = xavierStd('init.xavierUniform', v, options);
  const bound = Math.sqrt(3) * std;
  return fillUniform(variable, -bound, bound, opts.generator);
}

/**
 * Glorot/Xavier normal initialisation (PyTorch's `nn.init.xavier_normal_`): fills `v` with
 * N(0, std²), `std = gain · √(2 / (fanIn + fanOut))` (see {@link fanInAndFanOut}). Runs untracked.
 *
 * `v: [out, in, ...kernel]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable with at least 2 dimensions.
 * @param options - `gain` (default 1), `generator`.
 * @returns `v`.
 * @throws `ShapeError` when `v` has fewer than 2 dimensions.
 * @throws `ArgumentError` for a negative or non-finite `gain`, or an unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([200, 300]));
 * init.xavierNormal(w);
 * std(w.value).item(); // ≈ 0.06 (√(2 / 500) = 0.0632…, up to sampling noise)
 * ```
 * @category Initialization
 */
export function xavierNormal(v: Variable, options?: XavierOptions): Variable {
  const [variable, std, opts] = xavierStd('init.xavierNormal', v, options);
  return fillNormal(variable, 0, std, opts.generator);
}
