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
  const { scopes, retainCounts, pendingDispose, deferredDisposeListeners } = engineState();
  scopes.pop();
  const parent = scopes.at(-1);
  const deferred: Tensor[] = [];
  for (const t of frame) {
    const tensor = t as Tensor;
    if (keepers.has(tensor)) parent?.add(tensor);
    else if (retainCounts.has(tensor)) {
      pendingDispose.add(tensor);
      deferred.push(tensor);
    } else tensor.dispose();
  }
  for (const tensor of deferred) for (const listener of [...deferredDisposeListeners]) listener(tensor);
}

/**
 * Runs `fn` and disposes every tensor it created, except those it returns (found in arrays,
 * objects and Maps). Tidies nest; kept tensors belong to the enclosing tidy.
 *
 * @example
 * ```ts
 * const x = tensor([1, 2]);
 * let h: Tensor | undefined;
 * const y = tidy(() => {
 *   h = mul(x, 2);     // disposed when tidy returns
 *   return add(h, 1);  // kept
 * });
 * h?.isDisposed; // true
 * y.toArray();   // [3, 5]
 * ```
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} when `fn` is async: a tidy scope cannot span an await.
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
 * let tmp: Tensor | undefined;
 * {
 *   using _ = scope();
 *   tmp = randn([100, 100]); // disposed at the closing brace
 * }
 * tmp.isDisposed; // true
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

/**
 * Marks `t` as still needed by a holder other than its scope (autograd's graph holds the tensors
 * its gradient rules read). A scope that ends while `t` is retained defers the disposal until the
 * last holder calls `release`. Explicit `t.dispose()` is not deferred.
 * @example
 * ```ts
 * let t!: Tensor;
 * tidy(() => { t = retain(ones([2])); });
 * t.isDisposed; // false
 * release(t);
 * t.isDisposed; // true
 * ```
 * @category Engine
 */
export function retain<T extends Tensor>(t: T): T {
  const { retainCounts } = engineState();
  retainCounts.set(t, (retainCounts.get(t) ?? 0) + 1);
  return t;
}

/**
 * Drops one hold taken by `retain`; when it was the last and the tensor's scope has ended, the
 * tensor is disposed now.
 * @example
 * ```ts
 * const t = retain(ones([2]));
 * release(t);
 * t.isDisposed; // false (its scope has not ended: it is not pending)
 * ```
 * @category Engine
 */
export function release(t: Tensor): void {
  const { retainCounts, pendingDispose } = engineState();
  const count = retainCounts.get(t);
  if (count === undefined) return;
  if (count > 1) {
    retainCounts.set(t, count - 1);
    return;
  }
  retainCounts.delete(t);
  if (pendingDispose.delete(t)) t.dispose();
}

/**
 * Subscribes to tensors whose disposal a scope deferred because they were retained (see
 * `retain`): such a tensor is unreachable for the code that made it, so a holder that only needs it
 * for something that can no longer happen may `release` it now. Returns the unsubscribe function.
 * @example
 * ```ts
 * const seen: Tensor[] = [];
 * const stop = onDeferredDispose((t) => seen.push(t));
 * tidy(() => { retain(ones([1])); });
 * seen.length; // 1
 * stop();
 * ```
 * @category Engine
 */
export function onDeferredDispose(listener: (t: Tensor) => void): () => void {
  const { deferredDisposeListeners } = engineState();
  const wrapped = listener as (t: unknown) => void;
  deferredDisposeListeners.add(wrapped);
  return () => deferredDisposeListeners.delete(wrapped);
}
