// Expecting the NNErrors a package throws: the error class, the public op and the argument named.
// Shared by the packages' tests (structural, so this file needs no @nn import).
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

/** What `promise` rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** What `expectError` reads of an error: the fields every NNError has. */
export interface NamedError {
  readonly op: string;
  readonly arg: string | undefined;
}

/**
 * Expects `fn` to throw a `cls` whose `op` is `op` (and whose `arg` is `arg`, when given); returns the
 * error for further checks.
 */
export function expectError<E extends NamedError>(
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
