// Expecting the NNErrors the datasets throw: the error class, the public op and the argument named.
import type { NNError } from '@nn/tensor';
import { expect } from 'vitest';

/** What `fn` throws, or `undefined` when it returns. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/**
 * Expects `fn` to throw a `cls` whose `op` is `op` (and whose `arg` is `arg`, when given); returns the
 * error for further checks.
 */
export function expectError<E extends NNError>(
  fn: () => unknown,
  cls: new (...a: never[]) => E,
  op: string,
  arg?: string,
): E {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(cls);
  const e = error as E;
  expect(e.op).toBe(op);
  if (arg !== undefined) expect(e.arg).toBe(arg);
  return e;
}
