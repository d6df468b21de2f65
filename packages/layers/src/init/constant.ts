import { ArgumentError, full, type Variable } from '@nn/tensor';
import { assignNew, checkVariable } from './shared.js';

/**
 * Fills `v` with `value` (PyTorch's `nn.init.constant_`). Runs untracked: it joins no gradient
 * graph. Any dtype; the value is converted as `full` converts it.
 *
 * `v: [...S]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - the Variable to fill.
 * @param value - the fill value (NaN and ±Infinity are allowed, as in PyTorch).
 * @returns `v`.
 * @throws `ArgumentError` when `v` is not a Variable or `value` is not a number.
 * @example
 * ```ts
 * const b = new Variable(zeros([3]));
 * init.constant(b, 0.5).value.toArray(); // [0.5, 0.5, 0.5]
 * ```
 * @category Initialization
 */
export function constant(v: Variable, value: number): Variable {
  const op = 'init.constant';
  const variable = checkVariable(op, v);
  if (typeof value !== 'number') {
    throw new ArgumentError({ op, arg: 'value', expected: 'a number', got: `${typeof value} ${String(value)}` });
  }
  return fill(variable, value);
}

/**
 * Fills `v` with zeros (PyTorch's `nn.init.zeros_`). Runs untracked.
 *
 * @param v - the Variable to fill.
 * @returns `v`.
 * @throws `ArgumentError` when `v` is not a Variable.
 * @example
 * ```ts
 * const b = new Variable(ones([2]));
 * init.zeros(b).value.toArray(); // [0, 0]
 * ```
 * @category Initialization
 */
export function zeros(v: Variable): Variable {
  return fill(checkVariable('init.zeros', v), 0);
}

/**
 * Fills `v` with ones (PyTorch's `nn.init.ones_`). Runs untracked.
 *
 * @param v - the Variable to fill.
 * @returns `v`.
 * @throws `ArgumentError` when `v` is not a Variable.
 * @example
 * ```ts
 * const g = new Variable(zeros([2]));
 * init.ones(g).value.toArray(); // [1, 1]
 * ```
 * @category Initialization
 */
export function ones(v: Variable): Variable {
  return fill(checkVariable('init.ones', v), 1);
}

function fill(v: Variable, value: number): Variable {
  return assignNew(v, () => full(v.shape, value, { dtype: v.dtype }));
}
