// The PyTorch-oracle tests every layer group runs (test/oracle-<group>.test.ts): each fixture entry in
// float32 and in float64, checked by `checkLayerEntry` inside `tidy` with no tensor left behind.
import { getBackend, tidy } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { checkLayerEntry, type LayerFixtureEntry, type LayerSpec } from '../oracle/layer-harness.js';

/** Expects the entries to exercise exactly the layers that `specs` builds (no more, no fewer). */
export function expectEveryLayer(entries: readonly LayerFixtureEntry[], specs: Record<string, LayerSpec>): void {
  const layers = new Set(entries.map((e) => e.layer));
  expect([...layers].sort()).toEqual(Object.keys(specs).sort());
}

/**
 * Declares `describe('float32')` and `describe('float64')`, each with one test per entry (named by the
 * entry) that builds and runs it with `specs[entry.layer]` and expects no mismatch and no leak.
 */
export function oracleTests(entries: readonly LayerFixtureEntry[], specs: Record<string, LayerSpec>): void {
  for (const precision of ['float32', 'float64'] as const) {
    describe(precision, () => {
      for (const entry of entries) {
        it(entry.name, () => {
          const spec = specs[entry.layer];
          expect(spec, `no spec for ${entry.layer}`).toBeDefined();
          const before = getBackend().numDataIds();
          const problems = tidy(() => checkLayerEntry(entry, spec!, precision));
          expect(problems).toEqual([]);
          expect(getBackend().numDataIds()).toBe(before);
        });
      }
    });
  }
}
