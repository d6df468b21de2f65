// Checks and the assignment step every initialiser shares. Internal to `init/`.
import { ArgumentError, DTypeError, Generator, type Tensor, tidy, untracked, Variable } from '@nn/tensor';

/** The random stream option every random initialiser takes. @category Initialization */
export interface InitRandomOptions {
  /** The stream to draw from; the default generator (see `manualSeed`) otherwise. */
  generator?: Generator;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'object') return `a ${(x as object).constructor?.name ?? 'object'}`;
  return `${typeof x} ${String(x)}`;
}

/** Checks that `v` is a Variable with a live value. @internal */
export function checkVariable(op: string, v: unknown): Variable {
  if (!(v instanceof Variable)) {
    throw new ArgumentError({
      op,
      arg: 'v',
      expected: 'a Variable',
      got: describe(v),
      hint: 'wrap a tensor with new Variable(t), or pass a layer parameter such as layer.weight',
    });
  }
  v.value.assertAlive(op, 'v');
  return v;
}

/** Checks that `v` holds floating-point values (random initialisers only make sense there). @internal */
export function checkFloatVariable(op: string, v: unknown): Variable {
  const variable = checkVariable(op, v);
  if (variable.dtype !== 'float32' && variable.dtype !== 'float64') {
    throw new DTypeError({ op, arg: 'v', expected: 'a float32 or float64 Variable', got: variable.dtype });
  }
  return variable;
}

/**
 * Checks an options object: `undefined` or a plain object whose keys are all in `allowed` (a
 * misspelt option would otherwise be ignored silently). Returns it, `{}` for `undefined`.
 * @internal
 */
export function checkOptions<T extends object>(op: string, options: T | undefined, allowed: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError({ op, arg: 'options', expected: 'an options object', got: describe(options) });
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new ArgumentError({
        op,
        arg: 'options',
        expected: `only the options ${allowed.map((k) => `'${k}'`).join(', ')}`,
        got: `an unknown option '${key}'`,
      });
    }
  }
  const generator = (options as { generator?: unknown }).generator;
  if (generator !== undefined && !(generator instanceof Generator)) {
    throw new ArgumentError({ op, arg: 'generator', expected: 'a Generator', got: describe(generator) });
  }
  return options;
}

/** Checks a finite number option, returning `fallback` when it is `undefined`. @internal */
export function finiteNumber(op: string, arg: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError({ op, arg, expected: 'a finite number', got: describe(value) });
  }
  return value;
}

/** Checks a finite, non-negative number option, returning `fallback` when it is `undefined`. @internal */
export function nonNegativeNumber(op: string, arg: string, value: unknown, fallback: number): number {
  const n = finiteNumber(op, arg, value, fallback);
  if (n < 0) throw new ArgumentError({ op, arg, expected: 'a finite number ≥ 0', got: String(n) });
  return n;
}

/**
 * Checks the `mean` and `std` options of a normal distribution: a finite mean (default 0) and a
 * finite std ≥ 0 (default 1). @internal
 */
export function meanAndStd(op: string, options: { mean?: unknown; std?: unknown }): [mean: number, std: number] {
  return [finiteNumber(op, 'mean', options.mean, 0), nonNegativeNumber(op, 'std', options.std, 1)];
}

/**
 * Checks the bounds options `a` ≤ `b` (finite numbers, `fallbackA` and `fallbackB` when undefined).
 * @internal
 */
export function orderedBounds(
  op: string,
  options: { a?: unknown; b?: unknown },
  fallbackA: number,
  fallbackB: number,
): [a: number, b: number] {
  const a = finiteNumber(op, 'a', options.a, fallbackA);
  const b = finiteNumber(op, 'b', options.b, fallbackB);
  if (a > b) throw new ArgumentError({ op, arg: 'a, b', expected: 'a ≤ b', got: `a = ${a}, b = ${b}` });
  return [a, b];
}

/** Whether `v` holds no elements (initialising it is a no-op, as in PyTorch). @internal */
export function isEmpty(v: Variable): boolean {
  return v.shape.some((d) => d === 0);
}

/**
 * Replaces `v`'s value with the tensor `make` returns (same shape and dtype), outside any gradient
 * graph and without leaking the intermediates. Returns `v`.
 * @internal
 */
export function assignNew(v: Variable, make: () => Tensor): Variable {
  untracked(() =>
    tidy(() => {
      v.assign(make());
    }),
  );
  return v;
}
