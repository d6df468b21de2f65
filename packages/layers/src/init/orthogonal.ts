import { randn, ShapeError, tensor, type Variable } from '@nn/tensor';
import { householderQ } from './householder-qr.js';
import {
  assignNew,
  checkFloatVariable,
  checkOptions,
  finiteNumber,
  type InitRandomOptions,
  isEmpty,
} from './shared.js';

/** Options of {@link orthogonal}. @category Initialization */
export interface OrthogonalOptions extends InitRandomOptions {
  /** Scaling factor (default 1). */
  gain?: number;
}

/**
 * Fills `v` with a (semi-)orthogonal matrix times `gain` (PyTorch's `nn.init.orthogonal_`, after
 * Saxe et al. 2013). `v` is viewed as a matrix of `rows = shape[0]` rows and
 * `cols = size / rows` columns (the trailing dimensions flattened, as in PyTorch); a Gaussian matrix
 * of that shape (from `randn(..., { generator, dtype: 'float64' })`) is decomposed by QR
 * (Householder, in float64 on the host), Q is sign-corrected by the signs of R's diagonal so the
 * result is uniformly (Haar) distributed, and transposed back when `rows < cols`. The rows
 * (`rows ≤ cols`) or the columns (`rows ≥ cols`) of the result are orthonormal. Runs untracked.
 *
 * `v: [rows, ...rest]` keeps its shape and dtype; its old value is disposed.
 *
 * @param v - a float32 or float64 Variable with at least 2 dimensions.
 * @param options - `gain` (default 1), `generator`.
 * @returns `v`.
 * @throws `ShapeError` when `v` has fewer than 2 dimensions.
 * @throws `ArgumentError` for a non-finite `gain` or an unknown option.
 * @throws `DTypeError` when `v` is not floating-point.
 * @example
 * ```ts
 * const w = new Variable(zeros([3, 3], { dtype: 'float64' }));
 * init.orthogonal(w);
 * const wtw = matmul(w.value, w.value, { transposeA: true });
 * max(abs(sub(wtw, eye(3, { dtype: 'float64' })))).item() < 1e-12; // true
 * init.orthogonal(new Variable(zeros([4])));                         // throws ShapeError
 * ```
 * @category Initialization
 */
export function orthogonal(v: Variable, options?: OrthogonalOptions): Variable {
  const op = 'init.orthogonal';
  const variable = checkFloatVariable(op, v);
  const opts = checkOptions(op, options, ['gain', 'generator']);
  const gain = finiteNumber(op, 'gain', opts.gain, 1);
  const shape = variable.shape;
  if (shape.length < 2) {
    throw new ShapeError({
      op,
      arg: 'v',
      expected: 'at least 2 dimensions',
      got: `shape [${shape.join(', ')}]`,
    });
  }
  if (isEmpty(variable)) return variable;
  const rows = shape[0]!;
  const cols = shape.reduce((p, d) => p * d, 1) / rows;
  return assignNew(variable, () => {
    const flat = randn([rows, cols], { generator: opts.generator, dtype: 'float64' }).dataSync() as Float64Array;
    const wide = rows < cols;
    const [m, n] = wide ? [cols, rows] : [rows, cols];
    const a = wide ? transpose(flat, rows, cols) : Float64Array.from(flat);
    const q = householderQ(a, m, n);
    const out = wide ? transpose(q, m, n) : q;
    for (let i = 0; i < out.length; i++) out[i] = out[i]! * gain;
    return tensor(out, { shape, dtype: variable.dtype });
  });
}

/** The transpose of a row-major `r × c` matrix. */
function transpose(x: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = x[i * c + j]!;
  return out;
}
