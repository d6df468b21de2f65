import { ArgumentError, flatten, IndexError, reshape, ShapeError, type Tensor } from '@nn/tensor';
import { checkInput, shapeText, show } from './checks.js';
import { Module } from '../module/module.js';

function checkDimArg(op: string, arg: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ArgumentError({ op, arg, expected: 'an integer', got: show(value) });
  return value;
}

/** `dim` normalised against `rank` (PyTorch treats a 0-D tensor as 1-D here). */
function resolveDim(op: string, arg: string, dim: number, x: Tensor): number {
  const r = Math.max(x.rank, 1);
  if (dim < -r || dim >= r) {
    throw new IndexError({ op, arg, expected: `a dim in [${-r}, ${r - 1}] for input of shape ${shapeText(x.shape)}`, got: String(dim) });
  }
  return dim < 0 ? dim + r : dim;
}

/**
 * Merges dims `startDim … endDim` of its input into one, like `torch.nn.Flatten` (by default every
 * dim but the batch dim: the bridge from convolutional features to a `Linear` head).
 *
 * `x: [N, C, H, W] → [N, C·H·W]` (with the defaults). No parameters.
 *
 * @param startDim - first dim to merge (default 1; negative counts from the end).
 * @param endDim - last dim to merge (default −1).
 * @throws `ArgumentError` for non-integer dims.
 * @example
 * ```ts
 * new Flatten().call(zeros([2, 3, 4, 5])).shape;       // [2, 60]
 * new Flatten(0, 1).call(zeros([2, 3, 4])).shape;      // [6, 4]
 * new Flatten(2).call(zeros([2, 3]));                  // throws IndexError
 * ```
 * @category Layers
 */
export class Flatten extends Module<[Tensor], Tensor> {
  /** First dim merged. */
  readonly startDim: number;
  /** Last dim merged. */
  readonly endDim: number;

  constructor(startDim = 1, endDim = -1) {
    super();
    this.startDim = checkDimArg('new Flatten', 'startDim', startDim);
    this.endDim = checkDimArg('new Flatten', 'endDim', endDim);
  }

  /**
   * Flattens `x`.
   * @param x - a tensor with the dims `startDim … endDim`.
   * @returns `x` with those dims merged.
   * @throws `IndexError` when a dim is out of range; `ArgumentError` when `startDim` comes after `endDim`.
   */
  forward(x: Tensor): Tensor {
    const op = 'Flatten.forward';
    checkInput(op, x, null, '');
    const start = resolveDim(op, 'startDim', this.startDim, x);
    const end = resolveDim(op, 'endDim', this.endDim, x);
    if (start > end) {
      throw new ArgumentError({ op, arg: 'startDim', expected: `startDim ≤ endDim (${end} for shape ${shapeText(x.shape)})`, got: String(start) });
    }
    return flatten(x, start, end);
  }
}

/**
 * Splits dim `dim` of its input into `unflattenedSize`, like `torch.nn.Unflatten` (the inverse of
 * `Flatten`). One size may be −1: it is inferred.
 *
 * `x: [N, C·H·W]`, `dim = 1`, `unflattenedSize = [C, H, W]` → `[N, C, H, W]`. No parameters.
 *
 * @param dim - the dim to split (negative counts from the end).
 * @param unflattenedSize - the sizes it becomes, whose product is `x.shape[dim]`.
 * @throws `ArgumentError` for a non-integer `dim` or sizes that are not non-negative integers (one −1 allowed).
 * @example
 * ```ts
 * new Unflatten(1, [3, 4]).call(zeros([2, 12])).shape;  // [2, 3, 4]
 * new Unflatten(-1, [2, -1]).call(zeros([5, 6])).shape; // [5, 2, 3]
 * new Unflatten(1, [5, 5]).call(zeros([2, 12]));        // throws ShapeError
 * ```
 * @category Layers
 */
export class Unflatten extends Module<[Tensor], Tensor> {
  /** The dim split. */
  readonly dim: number;
  /** The sizes it becomes. */
  readonly unflattenedSize: readonly number[];

  constructor(dim: number, unflattenedSize: readonly number[]) {
    super();
    const op = 'new Unflatten';
    this.dim = checkDimArg(op, 'dim', dim);
    const sizes = unflattenedSize;
    const ok = Array.isArray(sizes) && sizes.length > 0 && sizes.every((s) => Number.isInteger(s) && s >= -1);
    if (!ok || sizes.filter((s) => s === -1).length > 1) {
      throw new ArgumentError({ op, arg: 'unflattenedSize', expected: 'a non-empty list of integers ≥ 0 (at most one −1)', got: show(unflattenedSize) });
    }
    this.unflattenedSize = [...sizes];
  }

  /**
   * Unflattens `x`.
   * @param x - a tensor of at least one dim.
   * @returns `x` with dim `dim` split.
   * @throws `IndexError` when `dim` is out of range; `ShapeError` when the sizes do not multiply to `x.shape[dim]`.
   */
  forward(x: Tensor): Tensor {
    const op = 'Unflatten.forward';
    checkInput(op, x, null, '');
    if (x.rank === 0) throw new ShapeError({ op, arg: 'x', expected: 'a tensor of at least one dim', got: 'a 0-D tensor' });
    const d = resolveDim(op, 'dim', this.dim, x);
    const n = x.shape[d]!;
    const known = this.unflattenedSize.filter((s) => s !== -1).reduce((a, b) => a * b, 1);
    const infer = this.unflattenedSize.includes(-1);
    const fits = infer ? known > 0 && n % known === 0 : known === n;
    if (!fits) {
      throw new ShapeError({
        op,
        arg: 'x',
        expected: `dim ${d} of size ${infer ? `a multiple of ${known}` : known} (unflattenedSize ${shapeText(this.unflattenedSize)})`,
        got: `shape ${shapeText(x.shape)}`,
      });
    }
    const sizes = this.unflattenedSize.map((s) => (s === -1 ? n / known : s));
    return reshape(x, [...x.shape.slice(0, d), ...sizes, ...x.shape.slice(d + 1)]);
  }
}
