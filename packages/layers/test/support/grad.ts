// Gradient recording for a block of test code.
import { enableGrad } from '@nn/autograd';

/** Runs `fn` with gradient recording on (autograd's `enableGrad`), turning it off again however `fn` ends. */
export function withGrad<T>(fn: () => T): T {
  const stop = enableGrad();
  try {
    return fn();
  } finally {
    stop();
  }
}
