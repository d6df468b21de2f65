// Argument checks shared by the datasets, the DataLoader, the transforms and the synthetic sets.
// Each throws an @nn/tensor error naming the public operation and the argument at fault.
import { ArgumentError, defaultGenerator, type Generator, IndexError } from '@nn/tensor';

/** A short description of any value for an error message. @internal */
export function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value))
    return value.length <= 8 ? `[${value.map(show).join(', ')}]` : `an array of length ${value.length}`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return `${typeof value} ${String(value)}`;
}

/** `value` must be a finite number; returns it. @internal */
export function checkFinite(op: string, arg: string, value: unknown, expected = 'a finite number'): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ArgumentError({ op, arg, expected, got: show(value) });
  return value;
}

/** `value` must be a finite number ≥ 0. @internal */
export function checkNonNegative(op: string, arg: string, value: unknown): number {
  const v = checkFinite(op, arg, value, 'a finite number ≥ 0');
  if (v < 0) throw new ArgumentError({ op, arg, expected: 'a finite number ≥ 0', got: show(value) });
  return v;
}

/** `value` must be a finite number > 0. @internal */
export function checkPositive(op: string, arg: string, value: unknown): number {
  const v = checkFinite(op, arg, value, 'a finite number > 0');
  if (v <= 0) throw new ArgumentError({ op, arg, expected: 'a finite number > 0', got: show(value) });
  return v;
}

/** `value` must be an integer ≥ `min` (a safe integer). @internal */
export function checkInteger(op: string, arg: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const what = min === 1 ? 'a positive integer' : `an integer ≥ ${min}`;
    throw new ArgumentError({ op, arg, expected: what, got: show(value) });
  }
  return value;
}

/** `value` must be a boolean. @internal */
export function checkBoolean(op: string, arg: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ArgumentError({ op, arg, expected: 'true or false', got: show(value) });
  return value;
}

/** `value` must be one of `choices`. @internal */
export function checkChoice<T extends string>(op: string, arg: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ArgumentError({ op, arg, expected: choices.map((c) => `'${c}'`).join(' | '), got: show(value) });
  }
  return value as T;
}

/**
 * `options` must be a plain object (or undefined) whose keys are all in `allowed`: a typo is an
 * error rather than a silently ignored setting. Returns the object (`{}` for undefined). @internal
 */
export function checkOptions<O extends object>(op: string, options: O | undefined, allowed: readonly string[]): O {
  if (options === undefined) return {} as O;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError({ op, arg: 'options', expected: 'an options object', got: show(options) });
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    throw new ArgumentError({
      op,
      arg: `options.${key}`,
      expected: `one of ${allowed.map((k) => `'${k}'`).join(', ')}`,
      got: `an unknown option '${key}'`,
      ...(allowed.includes(camel) ? { hint: `Options use camelCase names: '${camel}'` } : {}),
    });
  }
  return options;
}

/** The generator to draw from: `generator` when given (checked), else the default one. @internal */
export function resolveGenerator(op: string, generator: unknown): Generator {
  if (generator === undefined) return defaultGenerator();
  const g = generator as Partial<Generator> | null;
  if (g === null || typeof g !== 'object' || typeof g.random !== 'function' || typeof g.normal !== 'function') {
    throw new ArgumentError({
      op,
      arg: 'options.generator',
      expected: 'a Generator from @nn/tensor',
      got: show(generator),
    });
  }
  return generator as Generator;
}

/** `index` must be an integer in [0, length); returns it. @internal */
export function checkIndex(op: string, arg: string, index: unknown, length: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) {
    throw new ArgumentError({ op, arg, expected: 'an integer index', got: show(index) });
  }
  if (index < 0 || index >= length) {
    throw new IndexError({ op, arg, expected: `an index in [0, ${length})`, got: String(index) });
  }
  return index;
}

/** `indices` must be an array of integers in [0, length); returns a copy. @internal */
export function checkIndices(op: string, arg: string, indices: unknown, length: number, allowEmpty = true): number[] {
  if (!Array.isArray(indices) && !(ArrayBuffer.isView(indices) && !(indices instanceof DataView))) {
    throw new ArgumentError({ op, arg, expected: 'an array of integer indices', got: show(indices) });
  }
  const list = Array.from(indices as ArrayLike<number>);
  if (!allowEmpty && list.length === 0) {
    throw new ArgumentError({ op, arg, expected: 'a non-empty array of indices', got: 'an empty array' });
  }
  for (let k = 0; k < list.length; k++) checkIndex(op, `${arg}[${k}]`, list[k], length);
  return list;
}

/** A uniformly random permutation of 0 … n−1 (Fisher–Yates, drawing n−1 numbers). @internal */
export function permutation(n: number, generator: Generator): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(generator.random() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
