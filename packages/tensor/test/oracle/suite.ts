// Registers one vitest `it` per fixture entry of a file.
import { assert, describe, expect, it } from 'vitest';
import { Tensor, tidy } from '../../src/index.js';
import { compareWithFixture, type Actual } from './compare.js';
import { decodeOperand, loadFixture, type FixtureEntry } from './fixtures.js';
import { OPS } from './ops.js';

/** Runs one entry through @nn and returns its result, or throws with the reason. */
function runEntry(entry: FixtureEntry): Actual {
  const call = OPS[entry.op];
  if (call === undefined) throw new Error(`no dispatcher for fixture op '${entry.op}'`);
  return tidy(() => {
    const inputs = entry.inputs.map(decodeOperand);
    const out = call(inputs, entry.args);
    if (!(out instanceof Tensor)) throw new Error(`${entry.op} did not return a Tensor`);
    return { shape: [...out.shape], dtype: out.dtype, values: out.dataSync() };
  });
}

/** `describe`s every entry of `test/fixtures/<file>` against the @nn op it names. */
export function oracleSuite(...files: string[]): void {
  for (const file of files) {
    const fixture = loadFixture(file);
    describe(`PyTorch ${fixture.torch} oracle: ${file}`, () => {
      it('has unique entry names and a dispatcher for every op', () => {
        const names = fixture.entries.map((e) => e.name);
        expect(new Set(names).size).toBe(names.length);
        expect(fixture.entries.filter((e) => OPS[e.op] === undefined).map((e) => e.op)).toEqual([]);
        expect(fixture.entries.length).toBeGreaterThan(0);
      });
      for (const entry of fixture.entries) {
        it(entry.name, () => {
          const problem = compareWithFixture(entry, runEntry(entry));
          if (problem !== null) assert.fail(`${entry.op}: ${problem}`);
        });
      }
    });
  }
}
