// Every `@example` in @nn/datasets' doc comments runs as a test, with the exports of @nn/tensor,
// @nn/datasets and @nn/datasets/node in scope, plus `tmpdir` and `join` for file paths (see
// scripts/doc-examples/ for the rules of checked lines).
import * as tensorApi from '@nn/tensor';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportExamples } from '../../../scripts/doc-examples/coverage.js';
import { extractExamples } from '../../../scripts/doc-examples/extract.js';
import { type RunEnvironment, runExample } from '../../../scripts/doc-examples/run.js';
import * as api from '../src/index.js';
import * as nodeApi from '../src/node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { examples, problems } = extractExamples(join(root, 'src'), root);

const env: RunEnvironment = {
  api: { ...tensorApi, ...api, ...nodeApi, tmpdir, join },
  tidy: tensorApi.tidy,
  scope: tensorApi.scope,
  manualSeed: tensorApi.manualSeed,
  getBackend: tensorApi.getBackend,
  setBackend: tensorApi.setBackend,
  toPlain: (value) => (value instanceof tensorApi.Tensor ? value.toArray() : undefined),
};

describe('doc examples', () => {
  it('every @example is a closed ```ts block attached to a declaration', () => {
    expect(problems).toEqual([]);
    expect(examples.length).toBeGreaterThan(10);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} ${example.symbol}`, async () => {
      await runExample(example, env);
    });
  }
});

describe('doc example coverage', () => {
  const entries: [string, Record<string, unknown>][] = [
    ['src/index.ts', api],
    ['src/node.ts', nodeApi],
  ];
  for (const [entry, values] of entries) {
    it(`every function and class exported by ${entry} has an @example`, () => {
      const names = Object.keys(values).filter((name) => typeof values[name] === 'function');
      const missing = exportExamples(join(root, entry), names, root)
        .filter((e) => !e.hasExample)
        .map((e) => `${e.name} (${e.locations.join(', ') || 'declaration not found'})`);
      expect(missing, `exports without an @example:\n${missing.join('\n')}`).toEqual([]);
    });
  }
});
