// The PyTorch-oracle test loop of the optimizer and clipping fixtures: one test per entry and dtype.
import { getBackend } from '@nn/tensor';
import { expect, it } from 'vitest';
import type { Float } from '../oracle/fixtures.js';

/**
 * Declares, for each entry, a test in float64 and one in float32 (named `<entry> (<dtype>)`) that
 * expects `check(entry, dtype)` to report no mismatch and to leave no tensor behind.
 */
export function oracleTests<E extends { name: string }>(
  entries: readonly E[],
  check: (entry: E, dtype: Float) => string[],
): void {
  for (const entry of entries) {
    for (const dtype of ['float64', 'float32'] as const) {
      it(`${entry.name} (${dtype})`, () => {
        const before = getBackend().numDataIds();
        expect(check(entry, dtype)).toEqual([]);
        expect(getBackend().numDataIds()).toBe(before);
      });
    }
  }
}
