import { ArgumentError } from '@nn/tensor';

/**
 * The nonlinearities `calculateGain` knows, spelt as in PyTorch.
 * @category Initialization
 */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'conv_transpose1d'
  | 'conv_transpose2d'
  | 'conv_transpose3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'selu';

const GAINS: Readonly<Record<Exclude<Nonlinearity, 'leaky_relu'>, number>> = {
  linear: 1,
  conv1d: 1,
  conv2d: 1,
  conv3d: 1,
  conv_transpose1d: 1,
  conv_transpose2d: 1,
  conv_transpose3d: 1,
  sigmoid: 1,
  tanh: 5 / 3,
  relu: Math.SQRT2,
  selu: 3 / 4,
};

/**
 * The recommended gain for a nonlinearity (PyTorch's `calculate_gain`): the factor by which the
 * initialisers scale their standard deviation so that activations keep their variance.
 *
 * | nonlinearity | gain |
 * | --- | --- |
 * | `linear`, `conv*`, `conv_transpose*`, `sigmoid` | 1 |
 * | `tanh` | 5/3 |
 * | `relu` | √2 |
 * | `leaky_relu` | √(2 / (1 + slope²)), slope = `param` (default 0.01) |
 * | `selu` | 3/4 |
 *
 * @param nonlinearity - the function's name, spelt as in PyTorch.
 * @param param - the negative slope of `leaky_relu` (ignored for the others).
 * @throws `ArgumentError` for an unknown nonlinearity or a `leaky_relu` slope that is not a
 *   finite number.
 * @example
 * ```ts
 * init.calculateGain('tanh');            // ≈ 1.6666667
 * init.calculateGain('relu');            // ≈ 1.4142136
 * init.calculateGain('leaky_relu', 0.2); // ≈ 1.3867505
 * init.calculateGain('softmax' as never); // throws ArgumentError
 * ```
 * @category Initialization
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  return gainOf('init.calculateGain', nonlinearity, param);
}

/** `calculateGain` with the public name of the calling op in its errors. @internal */
export function gainOf(op: string, nonlinearity: Nonlinearity, param?: number): number {
  if (nonlinearity === 'leaky_relu') {
    if (param !== undefined && (typeof param !== 'number' || !Number.isFinite(param))) {
      throw new ArgumentError({
        op,
        arg: 'param',
        expected: 'a finite number (the negative slope of leaky_relu)',
        got: `${typeof param} ${String(param)}`,
      });
    }
    const slope = param ?? 0.01;
    return Math.sqrt(2 / (1 + slope * slope));
  }
  const gain =
    typeof nonlinearity === 'string' ? (GAINS as Record<string, number | undefined>)[nonlinearity] : undefined;
  if (gain === undefined || !Object.hasOwn(GAINS, nonlinearity)) {
    throw new ArgumentError({
      op,
      arg: 'nonlinearity',
      expected: `one of ${[...Object.keys(GAINS), 'leaky_relu'].map((k) => `'${k}'`).join(', ')}`,
      got: typeof nonlinearity === 'string' ? `'${nonlinearity}'` : String(nonlinearity),
    });
  }
  return gain;
}
