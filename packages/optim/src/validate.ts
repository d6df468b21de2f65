// Argument checks shared by the optimizers, schedulers and clipping functions. Each throws an
// ArgumentError naming the public operation and the argument, in the words of PyTorch's own checks.
import { ArgumentError } from '@nn/tensor';

/** A short description of any value for an error message. @internal */
export function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return `${typeof value} ${String(value)}`;
}

/** `value` must be a number (NaN rejected); returns it. @internal */
export function checkNumber(op: string, arg: string, value: unknown, expected = 'a number'): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ArgumentError({ op, arg, expected, got: show(value) });
  }
  return value;
}

/** `value` must be a number ≥ 0 (`+Infinity` allowed, as in PyTorch). @internal */
export function checkNonNegative(op: string, arg: string, value: unknown, what = 'a number ≥ 0'): number {
  const v = checkNumber(op, arg, value, what);
  if (!(v >= 0)) throw new ArgumentError({ op, arg, expected: what, got: show(value) });
  return v;
}

/** `value` must be a finite number > 0. @internal */
export function checkPositive(op: string, arg: string, value: unknown, what = 'a finite number > 0'): number {
  const v = checkNumber(op, arg, value, what);
  if (!(v > 0) || !Number.isFinite(v)) throw new ArgumentError({ op, arg, expected: what, got: show(value) });
  return v;
}

/** `value` must be an integer ≥ `min`. @internal */
export function checkInteger(op: string, arg: string, value: unknown, min: number): number {
  const what = min === 0 ? 'an integer ≥ 0' : `an integer ≥ ${min}`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ArgumentError({ op, arg, expected: what, got: show(value) });
  }
  return value;
}

/** `value` must be a number in [lo, hi) (or [lo, hi] with `closed`). @internal */
export function checkInRange(op: string, arg: string, value: unknown, lo: number, hi: number, closed = false): number {
  const what = `a number in [${lo}, ${hi}${closed ? ']' : ')'}`;
  const v = checkNumber(op, arg, value, what);
  if (!(v >= lo && (closed ? v <= hi : v < hi))) throw new ArgumentError({ op, arg, expected: what, got: show(value) });
  return v;
}

/** `value` must be a boolean. @internal */
export function checkBoolean(op: string, arg: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ArgumentError({ op, arg, expected: 'true or false', got: show(value) });
  return value;
}

/** `value` must be one of `choices`. @internal */
export function checkChoice<T extends string>(op: string, arg: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ArgumentError({ op, arg, expected: choices.map((c) => `'${c}'`).join(' or '), got: show(value) });
  }
  return value as T;
}

/** The snake_case spelling PyTorch uses for a camelCase option name. */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * `options` must be a plain object (or undefined) whose keys are all in `allowed`: a typo or a
 * PyTorch spelling (`weight_decay`) is an error rather than a silently ignored setting. @internal
 */
export function checkOptionKeys(op: string, arg: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError({ op, arg, expected: 'an options object', got: show(options) });
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const hint =
      allowed.includes(camel) && snake(camel) === key ? `Options use camelCase names: '${camel}'` : undefined;
    throw new ArgumentError({
      op,
      arg: `${arg}.${key}`,
      expected: `one of ${allowed.map((k) => `'${k}'`).join(', ')}`,
      got: `an unknown option '${key}'`,
      ...(hint === undefined ? {} : { hint }),
    });
  }
}
