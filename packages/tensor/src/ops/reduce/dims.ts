// Argument checks shared by the reduction ops (internal; not exported from the package).
import { ArgumentError, IndexError } from '../../errors.js';
import type { Shape } from '../../shape.js';
import { formatShape, normalizeAxes, normalizeAxis } from '../../shape.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor, describe } from '../operands.js';

/** The `dim` argument of a reduction: one dim, several, or `undefined` for all of them. */
export type Dims = number | readonly number[];

/**
 * Normalises a reduction's `dim` into sorted unique axes of `x`: `undefined` → every dim,
 * negatives count from the end, `[]` reduces nothing. A rank-0 tensor accepts dim `0` or `-1`
 * and reduces nothing (the result is the scalar itself).
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for a dim out of range; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a repeated or
 *   non-integer dim.
 * @internal
 */
export function reduceAxes(op: string, x: Tensor, dim: unknown): number[] {
  if (dim === undefined) return normalizeAxes(op, 'dim', undefined, x.rank);
  if (typeof dim !== 'number' && !Array.isArray(dim)) {
    throw new ArgumentError({ op, arg: 'dim', expected: 'an integer, an array of integers, or undefined', got: describe(dim) });
  }
  if (Array.isArray(dim)) {
    for (const d of dim as unknown[]) {
      if (typeof d !== 'number') throw new ArgumentError({ op, arg: 'dim', expected: 'an array of integers', got: `[${dim.map(String).join(',')}]` });
    }
  }
  const axes = normalizeAxes(op, 'dim', dim as Dims, x.rank);
  return x.rank === 0 ? [] : axes;
}

/**
 * Normalises a single `dim` (ops along one axis: argmax, cumsum, softmax). A rank-0 tensor
 * accepts `0` or `-1`.
 * @internal
 */
export function singleAxis(op: string, x: Tensor, dim: unknown): number {
  if (typeof dim !== 'number') throw new ArgumentError({ op, arg: 'dim', expected: 'an integer', got: describe(dim) });
  return normalizeAxis(op, 'dim', dim, x.rank);
}

/** Checks a boolean flag argument. @internal */
export function checkFlag(op: string, arg: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ArgumentError({ op, arg, expected: 'a boolean', got: describe(value) });
  return value;
}

/** Number of elements folded into each output when reducing `shape` over `axes`. @internal */
export function reducedCount(shape: Shape, axes: readonly number[]): number {
  let n = 1;
  for (const a of axes) n *= shape[a]!;
  return n;
}

/** The shape of reducing `shape` over `axes`. @internal */
export function reducedShape(shape: Shape, axes: readonly number[], keepDim: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (!axes.includes(i)) out.push(shape[i]!);
    else if (keepDim) out.push(1);
  }
  return out;
}

/**
 * Throws for a reduction with no identity (max, min, argmax, argmin, the inf-norm) over an empty
 * set, as PyTorch does.
 * @internal
 */
export function assertNonEmpty(op: string, x: Tensor, axes: readonly number[]): void {
  if (reducedCount(x.shape, axes) === 0) {
    throw new IndexError({
      op,
      arg: 'dim',
      expected: 'to reduce over non-empty dims (this reduction has no identity)',
      got: `shape ${formatShape(x.shape)} reduced over dims [${axes.join(',')}], which holds 0 elements`,
    });
  }
}

/**
 * Validates and runs one of the axis-list reduction primitives.
 * @internal
 */
export function runReduction(
  op: string,
  kernel: 'Sum' | 'Prod' | 'Max' | 'Min' | 'All' | 'Any',
  x: unknown,
  dim: unknown,
  keepDim: unknown,
): Tensor {
  const t = checkTensor(op, 'x', x);
  const axes = reduceAxes(op, t, dim);
  const keep = checkFlag(op, 'keepDim', keepDim);
  if (kernel === 'Max' || kernel === 'Min') assertNonEmpty(op, t, axes);
  return runKernel(kernel, { x: t }, { axes, keepDim: keep });
}

/**
 * Validates and runs `ArgMax`/`ArgMin`: along `dim`, or over the flattened tensor when `dim` is
 * undefined (then `keepDim` gives a shape of all 1s).
 * @internal
 */
export function runArgReduction(op: string, kernel: 'ArgMax' | 'ArgMin', x: unknown, dim: unknown, keepDim: unknown): Tensor {
  const t = checkTensor(op, 'x', x);
  const keep = checkFlag(op, 'keepDim', keepDim);
  if (dim !== undefined) {
    const axis = singleAxis(op, t, dim);
    assertNonEmpty(op, t, t.rank === 0 ? [] : [axis]);
    return runKernel(kernel, { x: t }, { axis: t.rank === 0 ? 0 : axis, keepDim: keep });
  }
  assertNonEmpty(op, t, normalizeAxes(op, 'dim', undefined, t.rank));
  if (t.rank <= 1) return runKernel(kernel, { x: t }, { axis: 0, keepDim: keep });
  return tidy(() => {
    const flat = runKernel('Reshape', { x: t }, { shape: [t.size] });
    const index = runKernel(kernel, { x: flat }, { axis: 0, keepDim: false });
    return keep ? runKernel('Reshape', { x: index }, { shape: t.shape.map(() => 1) }) : index;
  });
}

/** Options of `variance` and `std`. @category Reduction */
export interface VarianceOptions {
  /** Subtracted from the count in the divisor: 1 (default) is unbiased, 0 the population variance. */
  correction?: number;
  /** Keep reduced dims with size 1 (default false). */
  keepDim?: boolean;
}

/** Validates `variance`/`std` options. @internal */
export function checkVarianceOptions(op: string, options: unknown): { correction: number; keepDim: boolean } {
  if (options === undefined) return { correction: 1, keepDim: false };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError({ op, arg: 'options', expected: 'an object { correction?, keepDim? }', got: describe(options) });
  }
  const { correction = 1, keepDim = false } = options as VarianceOptions;
  if (typeof correction !== 'number' || !Number.isFinite(correction)) {
    throw new ArgumentError({ op, arg: 'options.correction', expected: 'a finite number', got: describe(correction) });
  }
  return { correction, keepDim: checkFlag(op, 'options.keepDim', keepDim) };
}
