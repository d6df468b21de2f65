import { ArgumentError, bernoulli, div, Generator, mul, tidy, type Tensor } from '@nn/tensor';
import { checkBool, checkFloat, checkNumber, checkOptions, checkTensorArg, show } from '../../layers/checks.js';

/** Options of `dropout`. @category Functional */
export interface DropoutOptions {
  /** Probability of zeroing each element, in [0, 1] (default 0.5). */
  p?: number;
  /** Whether to drop at all (default `true`, as PyTorch's `F.dropout`); `false` returns `x`. */
  training?: boolean;
  /** The random stream of the mask (default: the default generator). */
  generator?: Generator;
}

/**
 * Dropout (PyTorch's `F.dropout`): in training, zeroes each element independently with probability
 * `p` and scales the others by `1 / (1 − p)`, so the expected value is unchanged; otherwise returns
 * `x` itself. `p = 1` gives zeros; `p = 0` returns `x` itself.
 *
 * `x: [*] → [*]`
 *
 * The mask is drawn with `bernoulli` from `generator` (PyTorch's random stream differs, so masks
 * are not PyTorch's for the same seed).
 *
 * @param x - the input, float32 or float64.
 * @param options - `p` (default 0.5), `training` (default `true`), `generator`.
 * @throws `ArgumentError` for `p` outside [0, 1] or invalid options.
 * @throws `DTypeError` for a non-float `x`.
 * @example
 * ```ts
 * const x = ones([2, 3]);
 * dropout(x, { training: false }) === x;        // true
 * dropout(x, { p: 1 }).toArray();               // [[0, 0, 0], [0, 0, 0]]
 * const y = dropout(ones([1000]), { p: 0.5, generator: new Generator(1) });
 * y.toArray().every((v) => v === 0 || v === 2); // true
 * ```
 * @category Functional
 */
export function dropout(x: Tensor, options: DropoutOptions = {}): Tensor {
  const op = 'dropout';
  checkTensorArg(op, 'x', x);
  checkFloat(op, 'x', x);
  const o = checkOptions(op, options, ['p', 'training', 'generator']);
  const p = checkNumber(op, 'p', o.p, 0.5, 0, 1);
  const training = checkBool(op, 'training', o.training, true);
  if (o.generator !== undefined && !(o.generator instanceof Generator)) {
    throw new ArgumentError({ op, arg: 'generator', expected: 'a Generator', got: show(o.generator) });
  }
  if (!training || p === 0) return x;
  return tidy(() => {
    const mask = bernoulli(1 - p, x.shape, { dtype: x.dtype, generator: o.generator });
    return p === 1 ? mul(x, mask) : mul(x, div(mask, 1 - p));
  });
}
