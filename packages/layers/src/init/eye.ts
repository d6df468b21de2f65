import { eye as eyeTensor, ShapeError, type Variable } from '@nn/tensor';
import { assignNew, checkVariable } from './shared.js';

/**
 * Fills the 2-D `v` with the identity matrix: ones on the main diagonal, zeros elsewhere
 * (PyTorch's `nn.init.eye_`; rectangular matrices get ones at `[i, i]` for `i < min(rows, cols)`).
 * Runs untracked.
 *
 * `v: [rows, cols]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a 2-D Variable.
 * @returns `v`.
 * @throws `ShapeError` when `v` is not 2-D.
 * @example
 * ```ts
 * const w = new Variable(zeros([2, 3]));
 * init.eye(w).value.toArray(); // [[1, 0, 0], [0, 1, 0]]
 * init.eye(new Variable(zeros([3]))); // throws ShapeError
 * ```
 * @category Initialization
 */
export function eye(v: Variable): Variable {
  const op = 'init.eye';
  const variable = checkVariable(op, v);
  if (variable.shape.length !== 2) {
    throw new ShapeError({ op, arg: 'v', expected: 'a 2-D Variable', got: `shape [${variable.shape.join(', ')}]` });
  }
  const [rows, cols] = variable.shape as [number, number];
  return assignNew(variable, () => eyeTensor(rows, cols, { dtype: variable.dtype }));
}
