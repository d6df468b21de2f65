// The doc-example tests every package runs (test/doc-examples.test.ts): each `@example` under the
// package's src/ runs with the given names in scope, and every function and class an entry point
// exports must have one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportExamples } from './coverage.js';
import { extractExamples } from './extract.js';
import { type RunEnvironment, runExample } from './run.js';

/** What a package's doc-example test needs. */
export interface DocExampleSuite {
  /** The package folder (holding src/). */
  readonly root: string;
  /** How examples run: their scope (every export they may use) and the tensor hooks. */
  readonly env: RunEnvironment;
  /** Entry points (relative to root) and their exports, each checked for @example coverage. */
  readonly entries: readonly (readonly [string, Readonly<Record<string, unknown>>])[];
  /** The least number of examples expected (guards against a broken extractor). */
  readonly minExamples: number;
  /** A snapshot of global state an example must leave as it found it (e.g. autograd recording). */
  readonly state?: () => unknown;
}

/** Declares the `doc examples` and `doc example coverage` test groups of a package. */
export function docExampleSuite(suite: DocExampleSuite): void {
  const { examples, problems } = extractExamples(join(suite.root, 'src'), suite.root);

  describe('doc examples', () => {
    it('every @example is a closed ```ts block attached to a declaration', () => {
      expect(problems).toEqual([]);
      expect(examples.length).toBeGreaterThanOrEqual(suite.minExamples);
    });

    for (const example of examples) {
      it(`${example.file}:${example.line} ${example.symbol}`, async () => {
        const before = suite.state?.();
        await runExample(example, suite.env);
        if (suite.state !== undefined) expect(suite.state()).toEqual(before);
      });
    }
  });

  describe('doc example coverage', () => {
    for (const [entry, values] of suite.entries) {
      it(`every function and class exported by ${entry} has an @example`, () => {
        const names = Object.keys(values).filter((name) => typeof values[name] === 'function');
        const missing = exportExamples(join(suite.root, entry), names, suite.root)
          .filter((e) => !e.hasExample)
          .map((e) => `${e.name} (${e.locations.join(', ') || 'declaration not found'})`);
        expect(missing, `exports without an @example:\n${missing.join('\n')}`).toEqual([]);
      });
    }
  });
}

/** The runner's tensor hooks, from a package exporting @nn/tensor's API. */
export function tensorEnvironment(
  tensorApi: Pick<RunEnvironment, 'tidy' | 'scope' | 'manualSeed' | 'getBackend' | 'setBackend'> & {
    Tensor: abstract new (...args: never[]) => { toArray(): unknown };
  },
  scope: Readonly<Record<string, unknown>>,
): RunEnvironment {
  return {
    api: scope,
    tidy: tensorApi.tidy,
    scope: tensorApi.scope,
    manualSeed: tensorApi.manualSeed,
    getBackend: tensorApi.getBackend,
    setBackend: tensorApi.setBackend,
    toPlain: (value) => (value instanceof tensorApi.Tensor ? value.toArray() : undefined),
  };
}
