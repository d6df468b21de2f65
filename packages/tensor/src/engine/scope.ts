import { ArgumentError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { engineState } from './state.js';

/** Values `tidy` can return: tensors are kept, anything else passes through. @category Engine */
export type TidyResult = unknown;

function collectTensors(value: unknown, out: Set<unknown>, seen = new Set<unknown>()): void {
  if (value instanceof Tensor) {
    out.add(value);
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const items = value instanceof Map ? value.values() : Array.isArray(value) ? value : Object.values(value);
  for (const item of items) collectTensors(item, out, seen);
}

function closeFrame(frame: Set<unknown>, keepers: Set<unknown>): void {
  const { scopes } = engineState();
  scopes.pop();
  const parent = scopes.at(-1);
  for (const t of frame) {
    if (keepers.has(t)) parent?.add(t as Tensor);
    else (t as Tensor).dispose();
  }
}

/**
 * Runs `fn` and disposes every tensor it created, except those it returns (found in arrays,
 * objects and Maps). Tidies nest; kept tensors belong to the enclosing tidy.
 *
 * @example
 * ```ts
 * const y = tidy(() => {
 *   const h = mul(x, 2);   // disposed when tidy returns
 *   return add(h, 1);      // kept
 * });
 * ```
 * @throws {@link ArgumentError} when `fn` is async: a tidy scope cannot span an await.
 * @category Engine
 */
export function tidy<T>(fn: () => T): T {
  const frame = new Set<Tensor>();
  engineState().scopes.push(frame);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    closeFrame(frame, new Set());
    throw error;
  }
  if (result instanceof Promise) {
    closeFrame(frame, new Set());
    throw new ArgumentError({ op: 'tidy', arg: 'fn', expected: 'a synchronous function', got: 'a function returning a Promise' });
  }
  const keepers = new Set<unknown>();
  collectTensors(result, keepers);
  closeFrame(frame, keepers);
  return result;
}

/**
 * Removes `t` from every open tidy scope, so it outlives them; returns `t`.
 * @example
 * ```ts
 * let saved: Tensor;
 * tidy(() => { saved = keep(ones([2])); });
 * saved.isDisposed; // false
 * ```
 * @category Engine
 */
export function keep<T extends Tensor>(t: T): T {
  for (const frame of engineState().scopes) frame.delete(t);
  return t;
}

/**
 * A disposable scope for `using`: every tensor created while it is open is disposed when the
 * block ends, except those passed to `keep`.
 * @example
 * ```ts
 * {
 *   using _ = scope();
 *   const tmp = randn([100, 100]); // disposed at the closing brace
 * }
 * ```
 * @category Engine
 */
export function scope(): Disposable {
  const frame = new Set<Tensor>();
  engineState().scopes.push(frame);
  return {
    [Symbol.dispose]() {
      const { scopes } = engineState();
      const at = scopes.lastIndexOf(frame);
      if (at === -1) return;
      // Close any frames opened inside this one and left open, then this one.
      while (scopes.length > at + 1) closeFrame(scopes.at(-1)!, new Set());
      closeFrame(frame, new Set());
    },
  };
}
