// Memory checks: a body leaves as many live tensors (`getBackend().numDataIds()`) as it found.
import { getBackend, tidy } from '@nn/tensor';
import { expect } from 'vitest';

/** Runs `fn` inside `tidy` and expects no tensor left behind. */
export function noLeak(fn: () => void): void {
  const before = getBackend().numDataIds();
  tidy(fn);
  expect(getBackend().numDataIds()).toBe(before);
}

/**
 * Makes a module (or anything disposable) with `make`, runs `body` on it inside `tidy`, disposes it,
 * and expects no tensor left behind: neither the body's nor the module's.
 */
export function noLeakWith<M extends { dispose(): void }>(make: () => M, body: (m: M) => void): void {
  const before = getBackend().numDataIds();
  const m = make();
  tidy(() => {
    body(m);
  });
  m.dispose();
  expect(getBackend().numDataIds()).toBe(before);
}
