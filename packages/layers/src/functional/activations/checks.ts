// Argument checks shared by the activations and losses (internal: not exported from the package).
import { ArgumentError, cast, DTypeError, isFloat, Tensor } from '@nn/tensor';

/** A short description of a value for error messages. @internal */
export function show(value: unknown): string {
  if (value instanceof Tensor) return `a ${value.dtype} tensor of shape ${shapeText(value.shape)}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return String(value);
}

/** `[a, b, c]` for a shape. @internal */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Whether two shapes are equal. @internal */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Checks that `x` is a live tensor. @internal */
export function checkTensorArg(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) throw new ArgumentError({ op, arg, expected: 'a Tensor', got: show(x) });
  x.assertAlive(op, arg);
  return x;
}

/** Checks that `x` is a live float32 or float64 tensor. @internal */
export function checkFloatTensor(op: string, arg: string, x: unknown): Tensor {
  const t = checkTensorArg(op, arg, x);
  if (!isFloat(t.dtype)) {
    throw new DTypeError({ op, arg, expected: 'a float32 or float64 tensor', got: `a ${t.dtype} tensor` });
  }
  return t;
}

/** `x` itself when it is a float tensor, else `x` cast to float32 (as @nn/tensor's activations). @internal */
export function asFloat(x: Tensor): Tensor {
  return isFloat(x.dtype) ? x : cast(x, 'float32');
}

/** Checks a finite number (a default when undefined). @internal */
export function checkFinite(op: string, arg: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError({ op, arg, expected: 'a finite number', got: show(value) });
  }
  return value;
}

/** Checks an integer (a default when undefined) of at least `min`. @internal */
export function checkInteger(op: string, arg: string, value: unknown, fallback: number, min = -Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ArgumentError({
      op,
      arg,
      expected: min === -Infinity ? 'an integer' : `an integer ≥ ${min}`,
      got: show(value),
    });
  }
  return value;
}

/**
 * Checks that `options` is undefined or a plain object with only `known` keys (a snake_case key
 * such as `ignore_index` is named in the error); returns it (or `{}`). @internal
 */
export function checkOptions<T extends object>(op: string, options: T | undefined, known: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options) || options instanceof Tensor) {
    throw new ArgumentError({ op, arg: 'options', expected: 'an options object', got: show(options) });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ArgumentError({
        op,
        arg: 'options',
        expected: known.length === 0 ? 'no options' : `only the options ${known.join(', ')}`,
        got: `'${key}'`,
      });
    }
  }
  return options;
}
