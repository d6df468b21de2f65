import { ArgumentError, type Variable } from '@nn/tensor';
import { fanInAndFanOut } from './fan.js';
import { gainOf, type Nonlinearity } from './gain.js';
import { fillNormal } from './normal.js';
import { checkFloatVariable, checkOptions, finiteNumber, type InitRandomOptions, isEmpty } from './shared.js';
import { fillUniform } from './uniform.js';

/**
 * Which fan Kaiming initialisation preserves: `'fanIn'` keeps the variance of the activations in
 * the forward pass, `'fanOut'` that of the gradients in the backward pass. PyTorch's spellings
 * `'fan_in'` / `'fan_out'` are accepted too.
 * @category Initialization
 */
export type KaimingMode = 'fanIn' | 'fanOut' | 'fan_in' | 'fan_out';

/** Options of {@link kaimingUniform} and {@link kaimingNormal}. @category Initialization */
export interface KaimingOptions extends InitRandomOptions {
  /** The negative slope of the rectifier after this layer, used with `'leaky_relu'` (default 0). */
  a?: number;
  /** The fan to preserve (default `'fanIn'`). */
  mode?: KaimingMode;
  /** The nonlinearity after this layer, as for {@link calculateGain} (default `'leaky_relu'`). */
  nonlinearity?: Nonlinearity;
}

/** The standard deviation Kaiming initialisation targets, or `null` for an empty `v`. */
function kaimingStd(
  op: string,
  v: unknown,
  options: KaimingOptions | undefined,
): [Variable, number | null, KaimingOptions] {
  const variable = checkFloatVariable(op, v);
  const opts = checkOptions(op, options, ['a', 'mode', 'nonlinearity', 'generator']);
  const a = finiteNumber(op, 'a', opts.a, 0);
  const mode = opts.mode ?? 'fanIn';
  if (!['fanIn', 'fanOut', 'fan_in', 'fan_out'].includes(mode)) {
    throw new ArgumentError({ op, arg: 'mode', expected: "'fanIn' or 'fanOut'", got: `'${String(mode)}'` });
  }
  const gain = gainOf(op, opts.nonlinearity ?? 'leaky_relu', a);
  // As PyTorch: a tensor with no elements is left as it is.
  if (isEmpty(variable)) return [variable, null, opts];
  const [fanIn, fanOut] = fanInAndFanOut(variable.shape);
  const fan = mode === 'fanIn' || mode === 'fan_in' ? fanIn : fanOut;
  return [variable, gain / Math.sqrt(fan), opts];
}

/**
 * He/Kaiming uniform initialisation (PyTorch's `nn.init.kaiming_uniform_`): fills `v` with
 * U(−bound, bound), `bound = gain · √(3 / fan)`, `gain = calculateGain(nonlinearity, a)` and `fan`
 * the fan-in or fan-out (see {@link fanInAndFanOut}). PyTorch's default `Linear` and `Conv*` weight
 * initialisation is `kaimingUniform(w, { a: √5 })`, i.e. U(−1/√fanIn, 1/√fanIn). Runs untracked.
 *
 * `v: [out, in, ...kernel]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable with at least 2 dimensions.
 * @param options - `a` (0), `mode` (`'fanIn'`), `nonlinearity` (`'leaky_relu'`), `generator`.
 * @returns `v`.
 * @throws `ShapeError` when `v` has fewer than 2 dimensions.
 * @throws `ArgumentError` for an unknown mode or nonlinearity, a non-finite `a`, or an unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([8, 16]));
 * init.kaimingUniform(w, { a: Math.sqrt(5) });   // PyTorch's Linear default
 * all(le(abs(w.value), 1 / Math.sqrt(16))).item(); // true
 * init.kaimingUniform(w, { mode: 'fanAvg' as never }); // throws ArgumentError
 * ```
 * @category Initialization
 */
export function kaimingUniform(v: Variable, options?: KaimingOptions): Variable {
  const [variable, std, opts] = kaimingStd('init.kaimingUniform', v, options);
  if (std === null) return variable;
  const bound = Math.sqrt(3) * std;
  return fillUniform(variable, -bound, bound, opts.generator);
}

/**
 * He/Kaiming normal initialisation (PyTorch's `nn.init.kaiming_normal_`): fills `v` with
 * N(0, std²), `std = gain / √fan`, `gain = calculateGain(nonlinearity, a)` and `fan` the fan-in or
 * fan-out (see {@link fanInAndFanOut}). Runs untracked.
 *
 * `v: [out, in, ...kernel]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable with at least 2 dimensions.
 * @param options - `a` (0), `mode` (`'fanIn'`), `nonlinearity` (`'leaky_relu'`), `generator`.
 * @returns `v`.
 * @throws `ShapeError` when `v` has fewer than 2 dimensions.
 * @throws `ArgumentError` for an unknown mode or nonlinearity, a non-finite `a`, or an unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([256, 512]));
 * init.kaimingNormal(w, { mode: 'fanOut', nonlinearity: 'relu' });
 * std(w.value).item(); // ≈ 0.09 (√2 / √256 = 0.0884, up to sampling noise)
 * ```
 * @category Initialization
 */
export function kaimingNormal(v: Variable, options?: KaimingOptions): Variable {
  const [variable, std, opts] = kaimingStd('init.kaimingNormal', v, options);
  if (std === null) return variable;
  return fillNormal(variable, 0, std, opts.generator);
}
