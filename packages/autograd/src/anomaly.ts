import { isFloat, type Tensor } from '@nn/tensor';
import { GradientError } from './errors.js';
import { autogradState } from './state.js';

/**
 * Turns anomaly detection on or off: while on, the first op whose output (forward) or gradient
 * (backward) holds a NaN or ±Inf throws a `GradientError` naming the op. Slow (it reads every
 * result back); use it to find where a NaN comes from.
 * @example
 * ```ts
 * setAnomalyDetection(true);
 * // ... the failing training step throws: "[@nn] backward(Log)(x): expected finite gradients, got NaN at index 3"
 * setAnomalyDetection(false);
 * ```
 * @category Autograd
 */
export function setAnomalyDetection(on: boolean): void {
  autogradState().anomaly = on;
}

/**
 * Runs `fn` with anomaly detection on, restoring the previous setting afterwards.
 * @example
 * ```ts
 * detectAnomaly(() => log(tensor([1, 2]))).toArray(); // [0, 0.6931471824645996]
 * ```
 * @category Autograd
 */
export function detectAnomaly<T>(fn: () => T): T {
  const state = autogradState();
  const previous = state.anomaly;
  state.anomaly = true;
  try {
    return fn();
  } finally {
    state.anomaly = previous;
  }
}

/** Throws a GradientError if anomaly mode is on and `t` holds a NaN or ±Inf. */
export function checkFinite(t: Tensor, where: string, what: string): void {
  if (!autogradState().anomaly || !isFloat(t.dtype) || t.backend.readSync === undefined) return;
  const values = t.backend.readSync(t.dataId);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) continue;
    throw new GradientError({ op: where, expected: `finite ${what}`, got: `${v} at index ${i} (shape [${t.shape.join(',')}])` });
  }
}
