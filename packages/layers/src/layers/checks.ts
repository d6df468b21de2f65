// Argument checks shared by the layers (internal: not exported from the package).
import { ArgumentError, DTypeError, Generator, ShapeError, Tensor, Variable } from '@nn/tensor';
import type { LayerOptions } from './options.js';

/** A short description of a value for error messages. @internal */
export function show(value: unknown): string {
  if (value instanceof Tensor) return `a ${value.dtype} tensor of shape [${value.shape.join(', ')}]`;
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}]`;
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return String(value);
}

/** `[a, b, c]` for a shape. @internal */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Checks that `options` is undefined or a plain object with only `known` keys; returns it (or `{}`).
 * @internal
 */
export function checkOptions<T extends object>(op: string, options: T | undefined, known: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options) || options instanceof Tensor) {
    throw new ArgumentError({ op, arg: 'options', expected: 'an options object', got: show(options) });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ArgumentError({ op, arg: 'options', expected: `only the options ${known.join(', ')}`, got: `'${key}'` });
    }
  }
  return options;
}

/** Checks an integer ≥ `min` (default 1). @internal */
export function checkInt(op: string, arg: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ArgumentError({ op, arg, expected: `an integer ≥ ${min}`, got: show(value) });
  }
  return value;
}

/** Checks a boolean (a default when undefined). @internal */
export function checkBool(op: string, arg: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ArgumentError({ op, arg, expected: 'a boolean', got: show(value) });
  return value;
}

/** Checks a finite number in `[lo, hi]` (a default when undefined). @internal */
export function checkNumber(op: string, arg: string, value: unknown, fallback: number, lo = -Infinity, hi = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    const range = lo === -Infinity && hi === Infinity ? 'a finite number' : `a number in [${lo}, ${hi}]`;
    throw new ArgumentError({ op, arg, expected: range, got: show(value) });
  }
  return value;
}

/** Parses `n` integers ≥ `min` given as one number or an array of `n`. @internal */
export function checkTuple(op: string, arg: string, value: unknown, n: number, min: number, fallback?: number[]): number[] {
  if (value === undefined && fallback !== undefined) return fallback;
  const list = typeof value === 'number' ? new Array<number>(n).fill(value) : value;
  if (!Array.isArray(list) || list.length !== n || !list.every((v) => Number.isInteger(v) && (v as number) >= min)) {
    const what = n === 1 ? `an integer ≥ ${min}` : `an integer ≥ ${min} or ${n} of them`;
    throw new ArgumentError({ op, arg, expected: what, got: show(value) });
  }
  return [...(list as number[])];
}

/** Validates the `dtype` and `generator` of `LayerOptions`. @internal */
export function layerOptions(op: string, options: LayerOptions): { dtype: 'float32' | 'float64'; generator: Generator | undefined } {
  const dtype = options.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new DTypeError({ op, arg: 'dtype', expected: "'float32' or 'float64'", got: show(dtype) });
  }
  const generator = options.generator;
  if (generator !== undefined && !(generator instanceof Generator)) {
    throw new ArgumentError({ op, arg: 'generator', expected: 'a Generator', got: show(generator) });
  }
  return { dtype, generator };
}

/** Checks that `x` is a live tensor. @internal */
export function checkTensorArg(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) throw new ArgumentError({ op, arg, expected: 'a Tensor', got: show(x) });
  x.assertAlive(op, arg);
  return x;
}

/**
 * Checks a layer input: a live tensor with one of `ranks` (`what` names the dims, e.g.
 * `'[N, C, H, W] or [C, H, W]'`) and the dtype of the layer's parameters. @internal
 */
export function checkInput(op: string, x: unknown, ranks: readonly number[] | null, what: string, dtype?: string, arg = 'x'): Tensor {
  const t = checkTensorArg(op, arg, x);
  if (ranks !== null && !ranks.includes(t.rank)) {
    throw new ShapeError({ op, arg, expected: `a ${ranks.join('-D or ')}-D tensor ${what}`, got: `shape ${shapeText(t.shape)}` });
  }
  if (dtype !== undefined && t.dtype !== dtype) {
    throw new DTypeError({
      op,
      arg,
      expected: `a ${dtype} tensor (the dtype of the layer's parameters)`,
      got: t.dtype,
      hint: t.dtype === 'float32' || t.dtype === 'float64' ? `Convert the input with cast(x, '${dtype}') or the layer with .to('${t.dtype}')` : undefined,
    });
  }
  return t;
}

/** Checks `x.shape[dim] === size`. @internal */
export function checkDim(op: string, x: Tensor, dim: number, size: number, what: string, arg = 'x'): void {
  const d = dim < 0 ? x.rank + dim : dim;
  if (x.shape[d] !== size) {
    throw new ShapeError({ op, arg, expected: `${what} = ${size} at dim ${d}`, got: `shape ${shapeText(x.shape)}` });
  }
}

/** Checks a float tensor (functional forms). @internal */
export function checkFloat(op: string, arg: string, x: Tensor): void {
  if (x.dtype !== 'float32' && x.dtype !== 'float64') {
    throw new DTypeError({ op, arg, expected: 'a float32 or float64 tensor', got: x.dtype });
  }
}

/** A new parameter `Variable` named `name`. @internal */
export function parameter(value: Tensor, name: string): Variable {
  return new Variable(value, { name });
}
