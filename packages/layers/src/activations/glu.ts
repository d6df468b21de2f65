import type { Tensor } from '@nn/tensor';
import { checkInteger } from '../functional/activations/checks.js';
import { glu } from '../functional/activations/index.js';
import { Module } from '../module/module.js';

/**
 * The gated linear unit, like `torch.nn.GLU(dim)`: splits the input in halves `a`, `b` along `dim`
 * and returns `a · sigmoid(b)`.
 *
 * `x: [*, 2·D, *] → [*, D, *]` (halved along `dim`)
 *
 * @param dim - the dim to split (default −1, the last).
 * @throws `ArgumentError` when `dim` is not an integer; at `call`, `ShapeError` when
 *   the size along `dim` is odd and `IndexError` when `dim` is out of range.
 * @example
 * ```ts
 * new GLU().call(tensor([[1, 2, 0, 0]])).toArray(); // [[0.5, 1]]
 * new GLU().call(zeros([2, 3]));                   // throws ShapeError
 * ```
 * @category Activations
 */
export class GLU extends Module<[Tensor], Tensor> {
  /** The dim split in halves. */
  readonly dim: number;

  constructor(dim = -1) {
    super();
    this.dim = checkInteger('new GLU', 'dim', dim, -1);
  }

  /** Applies `glu(x, dim)`. @param x - a tensor of even size along `dim`. @returns `x` halved along `dim`. */
  forward(x: Tensor): Tensor {
    return glu(x, this.dim);
  }
}
